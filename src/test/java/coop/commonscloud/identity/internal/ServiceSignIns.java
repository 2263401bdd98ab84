package coop.commonscloud.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Real sign-ins for other modules' tests (metering counts them): registers a partner's service
 * as a client, and signs a person in to it with the authorization code flow and a refresh, through
 * the provider's own endpoints, so identity records the events exactly as in production.
 */
public final class ServiceSignIns {

	public record Service(String clientId, String clientSecret) {
	}

	private final StewardCalls region;
	private final AuthorizationCodeFlow flow;

	public ServiceSignIns(String baseUrl) {
		this.region = new StewardCalls(baseUrl);
		this.flow = new AuthorizationCodeFlow(region);
	}

	/** A confidential, first-party client of the partner, registered by a steward. */
	public Service service(String name, UUID partnerId) {
		HttpResponse<String> response = region.asSteward("POST", "/api/clients", "{\"name\":\"" + name + "\",\"redirectUris\":[\""
				+ AuthorizationCodeFlow.REDIRECT + "\"],\"public\":false,\"firstParty\":true,\"partnerId\":\"" + partnerId + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new Service(JsonPath.read(response.body(), "$.client_id"), JsonPath.read(response.body(), "$.client_secret"));
	}

	/** Opens a member account; answers its id. */
	public UUID member(String username) {
		return UUID.fromString(region.member(username));
	}

	/** Signs the person in to the service (a code exchange) and refreshes the tokens once: two successful grants. */
	public void signInAndRefresh(Service service, String username) {
		StewardCalls.Client client = new StewardCalls.Client(service.clientId(), service.clientSecret());
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), client, pkce, username);
		HttpResponse<String> tokens = flow.exchange(client, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		String refreshToken = JsonPath.read(tokens.body(), "$.refresh_token");
		HttpResponse<String> refreshed = flow.refresh(client, refreshToken);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
	}

	/** A client-credentials access token of the service, as its backend would use to call the API. */
	public String machineToken(Service service) {
		StewardCalls.Client client = new StewardCalls.Client(service.clientId(), service.clientSecret());
		HttpResponse<String> response = region.token(client, java.util.Map.of("grant_type", "client_credentials", "scope", "api"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}
}
