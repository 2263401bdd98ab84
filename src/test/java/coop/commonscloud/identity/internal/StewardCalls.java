package coop.commonscloud.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls to the region's REST API and token endpoint, as a steward's script or a service would make them. */
public final class StewardCalls {

	static final String STEWARD = "admin";
	static final String STEWARD_PASSWORD = "steward-password-for-tests";
	public static final String PASSWORD = "a-long-enough-password";

	public record Client(String clientId, String clientSecret) {
	}

	private final String base;
	private final Browser http = new Browser();

	public StewardCalls(String base) {
		this.base = base;
	}

	public String base() {
		return base;
	}

	/** Opens a member account with a unique username; answers its id. */
	public String member(String username) {
		HttpResponse<String> response = asSteward("POST", "/api/accounts", "{\"username\":\"" + username
				+ "\",\"email\":\"" + username + "@example.org\",\"displayName\":\"Person " + username
				+ "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$.id");
	}

	public Client client(String name, List<String> redirectUris, boolean publicClient, boolean firstParty) {
		String uris = String.join("\",\"", redirectUris);
		HttpResponse<String> response = asSteward("POST", "/api/clients", "{\"name\":\"" + name + "\",\"redirectUris\":[\""
				+ uris + "\"],\"public\":" + publicClient + ",\"firstParty\":" + firstParty + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new Client(JsonPath.read(response.body(), "$.client_id"), JsonPath.read(response.body(), "$.client_secret"));
	}

	/** A steward suspends the account, through the API. */
	public void suspend(String accountId) {
		HttpResponse<String> suspended = asSteward("PUT", "/api/accounts/" + accountId + "/status",
				"{\"status\":\"SUSPENDED\"}");
		if (suspended.statusCode() != 200) {
			throw new AssertionError("suspending " + accountId + ": " + suspended.statusCode() + " " + suspended.body());
		}
	}

	public HttpResponse<String> asSteward(String method, String path, String json) {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", basic(STEWARD, STEWARD_PASSWORD))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	public HttpResponse<String> withBearer(String method, String path, String json, String token) {
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/** A token-endpoint request; confidential clients authenticate with HTTP Basic. */
	public HttpResponse<String> token(Client client, Map<String, String> form) {
		return clientPost("/oauth2/token", client, form);
	}

	public HttpResponse<String> clientPost(String path, Client client, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
		if (client.clientSecret() != null) {
			request.header("Authorization", basic(client.clientId(), client.clientSecret()));
		}
		return http.send(request.build());
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
