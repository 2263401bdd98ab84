package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.SiteLayout;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Services register through {@code POST /api/clients}; machines get client-credentials tokens that
 * the API accepts; tokens can be introspected and revoked; third-party services ask for consent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class ClientsAndMachineTokensTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	StewardCalls region;
	String partnerId;

	@BeforeEach
	void a_partner() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		String name = StewardCalls.unique("Co-op");
		HttpResponse<String> partner = region.asSteward("POST", "/api/partners", "{\"legalName\":\"" + name
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-" + name.hashCode()
				+ "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}");
		assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
		partnerId = JsonPath.read(partner.body(), "$.id");
	}

	@Test
	void redirect_uris_must_be_https_except_on_localhost() {
		HttpResponse<String> plain = region.asSteward("POST", "/api/clients",
				"{\"name\":\"Plain\",\"redirectUris\":[\"http://cloud.example.coop/cb\"],\"public\":false,\"firstParty\":true}");
		assertThat(plain.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(plain.body(), "$.detail")).contains("must use https");
		HttpResponse<String> fine = region.asSteward("POST", "/api/clients", "{\"name\":\"Fine\",\"redirectUris\":"
				+ "[\"https://cloud.example.coop/cb\",\"http://localhost:8080/cb\",\"http://127.0.0.1/cb\"],"
				+ "\"public\":false,\"firstParty\":true}");
		assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
	}

	@Test
	void the_secret_is_shown_once_and_stored_hashed() {
		StewardCalls.Client client = region.client("Matrix", List.of("https://matrix.example.coop/cb"), false, true);
		assertThat(client.clientSecret()).hasSizeGreaterThan(40);
		String stored = jdbc.sql("select client_secret from oauth2_registered_client where client_id = :id")
				.param("id", client.clientId()).query(String.class).single();
		assertThat(stored).startsWith("{sha256}").doesNotContain(client.clientSecret());
		StewardCalls.Client app = region.client("App", List.of("http://localhost/cb"), true, false);
		assertThat(app.clientSecret()).isNull();
	}

	@Test
	void a_partner_admin_registers_clients_for_its_own_partner_only_and_members_none() {
		String admin = StewardCalls.unique("padmin");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + admin
				+ "\",\"displayName\":\"Admin\",\"password\":\"" + StewardCalls.PASSWORD + "\",\"role\":\"PARTNER_ADMIN\","
				+ "\"partnerId\":\"" + partnerId + "\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		HttpResponse<String> own = asUser(admin, "{\"name\":\"Our cloud\",\"redirectUris\":[\"https://a.example.coop/cb\"],"
				+ "\"public\":false,\"firstParty\":false}");
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(own.body(), "$.partnerId")).isEqualTo(partnerId);
		HttpResponse<String> other = asUser(admin, "{\"name\":\"Theirs\",\"redirectUris\":[\"https://b.example.coop/cb\"],"
				+ "\"public\":false,\"firstParty\":true,\"partnerId\":\"" + java.util.UUID.randomUUID() + "\"}");
		assertThat(other.statusCode()).isEqualTo(403);

		String member = StewardCalls.unique("member");
		region.member(member);
		HttpResponse<String> refused = asUser(member, "{\"name\":\"Mine\",\"redirectUris\":[\"https://m.example.org/cb\"],"
				+ "\"public\":true,\"firstParty\":false}");
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void only_a_steward_marks_a_client_first_party() {
		String admin = partnerAdmin();
		HttpResponse<String> firstParty = asUser(admin, "{\"name\":\"Ours, trusted\",\"redirectUris\":"
				+ "[\"https://f.example.coop/cb\"],\"public\":false,\"firstParty\":true}");
		assertThat(firstParty.statusCode()).as(firstParty.body()).isEqualTo(403);
		assertThat((String) JsonPath.read(firstParty.body(), "$.detail")).contains("firstParty");
		assertThat(jdbc.sql("select count(*) from oauth2_registered_client where client_name = 'Ours, trusted'")
				.query(Long.class).single()).isZero();
	}

	@Test
	void a_steward_signing_in_through_a_partners_client_gets_no_steward_powers_on_the_api() {
		String steward = StewardCalls.unique("steward");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + steward
				+ "\",\"displayName\":\"Steward\",\"password\":\"" + StewardCalls.PASSWORD + "\",\"role\":\"STEWARD\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		HttpResponse<String> partners = region.asSteward("POST", "/api/clients", "{\"name\":\"Partner's cloud\","
				+ "\"redirectUris\":[\"" + AuthorizationCodeFlow.REDIRECT + "\"],\"public\":false,\"firstParty\":true,"
				+ "\"partnerId\":\"" + partnerId + "\"}");
		assertThat(partners.statusCode()).as(partners.body()).isEqualTo(201);
		StewardCalls.Client partnerClient = new StewardCalls.Client(JsonPath.read(partners.body(), "$.client_id"),
				JsonPath.read(partners.body(), "$.client_secret"));
		StewardCalls.Client regionClient = region.client("Region's cloud", List.of(AuthorizationCodeFlow.REDIRECT), false, true);

		String throughPartner = apiToken(partnerClient, steward);
		HttpResponse<String> refused = region.withBearer("POST", "/api/accounts", "{\"username\":\""
				+ StewardCalls.unique("via-partner") + "\",\"displayName\":\"N\",\"password\":\"" + StewardCalls.PASSWORD
				+ "\"}", throughPartner);
		assertThat(refused.statusCode()).as(refused.body()).isIn(401, 403);

		String throughRegion = apiToken(regionClient, steward);
		HttpResponse<String> allowed = region.withBearer("POST", "/api/accounts", "{\"username\":\""
				+ StewardCalls.unique("via-region") + "\",\"displayName\":\"N\",\"password\":\"" + StewardCalls.PASSWORD
				+ "\"}", throughRegion);
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
	}

	/** An access token with the {@code api} scope for this person through this client, by the code flow. */
	private String apiToken(StewardCalls.Client client, String username) {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> back = flow.authorize(new Browser(),
				flow.authorizeUrl(client, AuthorizationCodeFlow.REDIRECT, pkce, "openid api"), username);
		String code = AuthorizationCodeFlow.parameter(Browser.location(back), "code");
		HttpResponse<String> tokens = flow.exchange(client, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return JsonPath.read(tokens.body(), "$.access_token");
	}

	private String partnerAdmin() {
		String admin = StewardCalls.unique("padmin");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + admin
				+ "\",\"displayName\":\"Admin\",\"password\":\"" + StewardCalls.PASSWORD + "\",\"role\":\"PARTNER_ADMIN\","
				+ "\"partnerId\":\"" + partnerId + "\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return admin;
	}

	@Test
	void a_machine_token_acts_for_the_partner_that_registered_the_client() {
		HttpResponse<String> registered = region.asSteward("POST", "/api/clients", "{\"name\":\"Telemetry\",\"redirectUris\":"
				+ "[\"https://t.example.coop/cb\"],\"public\":false,\"firstParty\":true,\"partnerId\":\"" + partnerId + "\"}");
		StewardCalls.Client machine = new StewardCalls.Client(JsonPath.read(registered.body(), "$.client_id"),
				JsonPath.read(registered.body(), "$.client_secret"));
		HttpResponse<String> token = region.token(machine, Map.of("grant_type", "client_credentials", "scope", "api"));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String accessToken = JsonPath.read(token.body(), "$.access_token");

		HttpResponse<String> own = region.withBearer("POST", "/api/clients", "{\"name\":\"Sub-service\",\"redirectUris\":"
				+ "[\"https://s.example.coop/cb\"],\"public\":false,\"firstParty\":false}", accessToken);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(own.body(), "$.partnerId")).isEqualTo(partnerId);
		HttpResponse<String> steward = region.withBearer("POST", "/api/accounts", "{\"username\":\"nope-machine\",\"displayName\":\"N\","
				+ "\"password\":\"" + StewardCalls.PASSWORD + "\"}", accessToken);
		assertThat(steward.statusCode()).isEqualTo(403);
	}

	@Test
	void introspection_shows_a_token_active_until_it_is_revoked() {
		StewardCalls.Client client = region.client("Forgejo", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("introspect");
		region.member(username);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> tokens = flow.exchange(client, flow.code(new Browser(), client, pkce, username),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		String accessToken = JsonPath.read(tokens.body(), "$.access_token");
		String refreshToken = JsonPath.read(tokens.body(), "$.refresh_token");

		HttpResponse<String> active = region.clientPost("/oauth2/introspect", client, Map.of("token", accessToken));
		assertThat((Boolean) JsonPath.read(active.body(), "$.active")).isTrue();
		assertThat((String) JsonPath.read(active.body(), "$.client_id")).isEqualTo(client.clientId());

		HttpResponse<String> revoked = region.clientPost("/oauth2/revoke", client,
				Map.of("token", refreshToken, "token_type_hint", "refresh_token"));
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(flow.refresh(client, refreshToken).statusCode()).isEqualTo(400);
		HttpResponse<String> inactive = region.clientPost("/oauth2/introspect", client, Map.of("token", refreshToken));
		assertThat((Boolean) JsonPath.read(inactive.body(), "$.active")).isFalse();
	}

	@Test
	void a_third_party_service_asks_for_consent_and_a_first_party_one_does_not() {
		StewardCalls.Client thirdParty = region.client("Someone's app", List.of(AuthorizationCodeFlow.REDIRECT), true, false);
		String username = StewardCalls.unique("consent");
		region.member(username);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		Browser browser = new Browser();
		HttpResponse<String> consent = flow.authorize(browser,
				flow.authorizeUrl(thirdParty, AuthorizationCodeFlow.REDIRECT, Pkce.fresh(), "openid profile email"), username);
		consent = browser.follow(consent);
		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consent.body()).contains("Someone&#39;s app").contains("Your email address");
		SiteLayout.assertHasTheSiteLayout(consent.body());

		HttpResponse<String> allowed = browser.post(region.base() + "/oauth2/authorize", Map.of("client_id",
				thirdParty.clientId(), "state", AuthorizationCodeFlow.parameter(consent.uri().toString(), "state"),
				"scope", "profile", "_csrf", Browser.csrf(consent.body())));
		assertThat(Browser.location(allowed)).startsWith(AuthorizationCodeFlow.REDIRECT + "?code=");
	}

	private HttpResponse<String> asUser(String username, String json) {
		return new Browser().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(region.base() + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, StewardCalls.PASSWORD))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
	}
}
