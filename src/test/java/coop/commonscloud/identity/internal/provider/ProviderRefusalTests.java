package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import coop.commonscloud.identity.internal.keys.SigningKeys;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Each way a token request can be wrong is refused, with an error that says what was wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class ProviderRefusalTests {

	@LocalServerPort
	int port;
	@Autowired
	JwtEncoder encoder;
	@Autowired
	SigningKeys keys;
	@Autowired
	JdbcClient jdbc;

	StewardCalls region;
	AuthorizationCodeFlow flow;
	StewardCalls.Client app;
	StewardCalls.Client service;
	String username;
	String accountId;

	@BeforeEach
	void a_public_app_a_confidential_service_and_a_member() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		flow = new AuthorizationCodeFlow(region);
		app = region.client(StewardCalls.unique("Phone app"), List.of(AuthorizationCodeFlow.REDIRECT), true, true);
		service = region.client(StewardCalls.unique("Forgejo"), List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		username = StewardCalls.unique("refused");
		accountId = region.member(username);
	}

	@Test
	void a_wrong_redirect_uri_is_refused() {
		HttpResponse<String> response = new Browser().get(flow.authorizeUrl(app, "http://127.0.0.1:9/elsewhere",
				Pkce.fresh(), "openid"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("redirect_uri it has not registered");

		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), app, pkce, username);
		HttpResponse<String> exchange = flow.exchange(app, code, "http://127.0.0.1:9/elsewhere", pkce.verifier());
		assertThat(exchange.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(exchange.body(), "$.error")).isEqualTo("invalid_grant");
	}

	@Test
	void a_public_client_without_pkce_is_refused() {
		HttpResponse<String> back = flow.authorize(new Browser(),
				flow.authorizeUrl(app, AuthorizationCodeFlow.REDIRECT, null, "openid"), username);
		String location = Browser.location(back);
		assertThat(AuthorizationCodeFlow.parameter(location, "error")).isEqualTo("invalid_request");
		assertThat(AuthorizationCodeFlow.parameter(location, "error_description")).contains("code_challenge");
	}

	@Test
	void a_missing_or_wrong_pkce_verifier_is_refused() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), app, pkce, username);

		HttpResponse<String> missing = flow.exchange(app, code, AuthorizationCodeFlow.REDIRECT, null);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(missing.body(), "$.error")).isEqualTo("invalid_request");
		assertThat((String) JsonPath.read(missing.body(), "$.error_description")).contains("code_verifier is missing");

		HttpResponse<String> wrong = flow.exchange(app, code, AuthorizationCodeFlow.REDIRECT, Pkce.fresh().verifier());
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(wrong.body(), "$.error")).isEqualTo("invalid_grant");

		Pkce confidential = Pkce.fresh();
		String serviceCode = flow.code(new Browser(), service, confidential, username);
		HttpResponse<String> withoutVerifier = flow.exchange(service, serviceCode, AuthorizationCodeFlow.REDIRECT, null);
		assertThat(withoutVerifier.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(withoutVerifier.body(), "$.error")).isEqualTo("invalid_grant");
	}

	@Test
	void a_reused_code_is_refused() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), app, pkce, username);
		HttpResponse<String> first = flow.exchange(app, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

		HttpResponse<String> again = flow.exchange(app, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(again.body(), "$.error")).isEqualTo("invalid_grant");
	}

	@Test
	void a_reused_refresh_token_revokes_its_whole_family() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		String first = JsonPath.read(flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier()).body(),
				"$.refresh_token");
		HttpResponse<String> rotated = flow.refresh(service, first);
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String newest = JsonPath.read(rotated.body(), "$.refresh_token");
		assertThat(newest).isNotEqualTo(first);

		HttpResponse<String> reuse = flow.refresh(service, first);
		assertThat(reuse.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(reuse.body(), "$.error")).isEqualTo("invalid_grant");
		assertThat((String) JsonPath.read(reuse.body(), "$.error_description")).contains("whole family");

		HttpResponse<String> newestAfterwards = flow.refresh(service, newest);
		assertThat(newestAfterwards.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(newestAfterwards.body(), "$.error_description")).contains("revoked");
		assertThat(jdbc.sql("select count(*) from refresh_token_family_revoked where principal_name = :name")
				.param("name", username).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void an_expired_token_is_refused() {
		Instant past = Instant.now().minusSeconds(3600);
		String expired = encoder.encode(JwtEncoderParameters.from(
				JwsHeader.with(SignatureAlgorithm.ES256).keyId(keys.signingKid()).type("at+jwt").build(),
				JwtClaimsSet.builder().subject(accountId).issuer(region.base()).issuedAt(past)
						.expiresAt(past.plusSeconds(300)).claim("scope", List.of("api")).build()))
				.getTokenValue();
		HttpResponse<String> response = region.withBearer("POST", "/api/clients", "{}", expired);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("expired");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
	}

	@Test
	void a_tampered_token_is_refused() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		String accessToken = JsonPath.read(flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier())
				.body(), "$.access_token");
		String[] parts = accessToken.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
				.encodeToString(payload.replace(accountId, UUID.randomUUID().toString()).getBytes()) + "." + parts[2];

		HttpResponse<String> response = region.withBearer("POST", "/api/clients", "{}", forged);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("Invalid signature");
	}

	@Test
	void a_suspended_account_gets_no_more_tokens_and_cannot_sign_in() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		HttpResponse<String> tokens = flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		String refreshToken = JsonPath.read(tokens.body(), "$.refresh_token");
		Browser browser = new Browser();
		Pkce next = Pkce.fresh();
		String pendingCode = flow.code(browser, service, next, username);

		region.suspend(accountId);

		// the refresh grant reads the account with its family, and still refuses it
		HttpResponse<String> refresh = flow.refresh(service, refreshToken);
		assertThat(refresh.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refresh.body(), "$.error_description")).contains("suspended");
		assertThat(flow.exchange(service, pendingCode, AuthorizationCodeFlow.REDIRECT, next.verifier()).statusCode())
				.isEqualTo(400);
		// the browser signed in at the region from before was signed out by the suspension: it is sent to sign in
		HttpResponse<String> signedOut = browser.follow(
				browser.get(flow.authorizeUrl(service, AuthorizationCodeFlow.REDIRECT, next, "openid profile email")),
				url -> url.startsWith(AuthorizationCodeFlow.REDIRECT));
		assertThat(signedOut.uri().getPath()).isEqualTo("/login");

		Browser stranger = new Browser();
		HttpResponse<String> signIn = stranger.signIn(stranger.get(region.base() + "/login"), username, StewardCalls.PASSWORD);
		assertThat(Browser.location(signIn)).endsWith("/login?error");
		assertThat(jdbc.sql("select reason from sign_in_event where username = :name and not succeeded")
				.param("name", username).query(String.class).list()).contains("account not active");
	}

	@Test
	void code_exchanges_and_refreshes_are_recorded_as_sign_in_events() {
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		String refreshToken = JsonPath.read(flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier())
				.body(), "$.refresh_token");
		flow.refresh(service, refreshToken);
		List<Map<String, Object>> events = jdbc.sql("select kind, site, client_id, succeeded from sign_in_event "
				+ "where account_id = cast(:id as uuid) order by id").param("id", accountId).query().listOfRows();
		assertThat(events).extracting(e -> e.get("kind")).containsExactly("PASSWORD", "CODE_EXCHANGE", "REFRESH");
		assertThat(events).allSatisfy(e -> {
			assertThat(e.get("site")).isEqualTo("core");
			assertThat(e.get("succeeded")).isEqualTo(true);
		});
		assertThat(events.get(1).get("client_id")).isEqualTo(service.clientId());
	}
}
