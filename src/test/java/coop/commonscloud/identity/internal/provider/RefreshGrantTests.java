package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh-token grant ({@link RefreshGrants}): what a refreshed family holds afterwards and what
 * introspection, userinfo and revocation make of it, and each refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class RefreshGrantTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	StewardCalls region;
	AuthorizationCodeFlow flow;
	StewardCalls.Client service;
	String username;
	String accountId;
	Map<String, Object> signedIn;

	@BeforeEach
	void a_member_signed_in_at_a_service() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		flow = new AuthorizationCodeFlow(region);
		service = region.client(StewardCalls.unique("Nextcloud"), List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		username = StewardCalls.unique("refreshing");
		accountId = region.member(username);
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		HttpResponse<String> tokens = flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		signedIn = JsonPath.read(tokens.body(), "$");
	}

	@Test
	void a_refresh_rotates_both_tokens_and_the_new_access_token_is_the_one_that_works() throws Exception {
		String firstAccess = (String) signedIn.get("access_token");
		HttpResponse<String> refreshed = flow.refresh(service, (String) signedIn.get("refresh_token"));
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Map<String, Object> tokens = JsonPath.read(refreshed.body(), "$");
		assertThat(tokens.get("token_type")).isEqualTo("Bearer");
		assertThat(tokens.get("refresh_token")).isNotEqualTo(signedIn.get("refresh_token"));
		assertThat(tokens.get("scope")).isEqualTo(signedIn.get("scope"));
		assertThat(tokens).as("no new ID token on refresh (OpenID Connect Core 12.2)").doesNotContainKey("id_token");
		String access = (String) tokens.get("access_token");
		assertThat(access).isNotEqualTo(firstAccess);
		SignedJWT jwt = SignedJWT.parse(access);
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(accountId);
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).contains("openid", "profile", "email");
		assertThat(jwt.getJWTClaimsSet().getClaim("region")).isNotNull();
		assertThat(jwt.getHeader().getType().getType()).isEqualTo(OidcProviderConfiguration.ACCESS_TOKEN_TYPE);

		HttpResponse<String> userInfo = region.withBearer("GET", "/userinfo", "", access);
		assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(userInfo.body(), "$.preferred_username")).isEqualTo(username);
		assertThat(region.withBearer("GET", "/userinfo", "", firstAccess).statusCode()).isEqualTo(401);

		HttpResponse<String> introspected = region.clientPost("/oauth2/introspect", service, Map.of("token", access));
		assertThat((Boolean) JsonPath.read(introspected.body(), "$.active")).isTrue();
		assertThat((String) JsonPath.read(introspected.body(), "$.sub")).isEqualTo(accountId);
		assertThat((Boolean) JsonPath.read(region.clientPost("/oauth2/introspect", service, Map.of("token", firstAccess))
				.body(), "$.active")).isFalse();

		// the family is the same row, its sign-in ID token kept for logout hints, and the grant was recorded
		assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = :name")
				.param("name", username).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select oidc_id_token_value from oauth2_authorization where principal_name = :name")
				.param("name", username).query(String.class).single()).isEqualTo(signedIn.get("id_token"));
		assertThat(jdbc.sql("select count(*) from sign_in_event where kind = 'REFRESH' and succeeded and account_id = :id")
				.param("id", java.util.UUID.fromString(accountId)).query(Long.class).single()).isEqualTo(1);

		// and it goes on rotating
		HttpResponse<String> again = flow.refresh(service, (String) tokens.get("refresh_token"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
	}

	@Test
	void a_narrower_scope_may_be_asked_for_but_not_a_wider_one() throws Exception {
		HttpResponse<String> narrower = refresh((String) signedIn.get("refresh_token"), "openid profile");
		assertThat(narrower.statusCode()).as(narrower.body()).isEqualTo(200);
		assertThat(SignedJWT.parse(JsonPath.read(narrower.body(), "$.access_token")).getJWTClaimsSet()
				.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile");

		HttpResponse<String> wider = refresh(JsonPath.read(narrower.body(), "$.refresh_token"), "openid api");
		assertThat(wider.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(wider.body(), "$.error")).isEqualTo("invalid_scope");
	}

	@Test
	void a_revoked_refresh_token_and_another_clients_refresh_token_are_refused() {
		String refreshToken = (String) signedIn.get("refresh_token");
		StewardCalls.Client other = region.client(StewardCalls.unique("Other"), List.of(AuthorizationCodeFlow.REDIRECT), false,
				true);
		HttpResponse<String> wrongClient = flow.refresh(other, refreshToken);
		assertThat(wrongClient.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(wrongClient.body(), "$.error")).isEqualTo("invalid_grant");

		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", refreshToken,
				"token_type_hint", "refresh_token")).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = flow.refresh(service, refreshToken);
		assertThat(revoked.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(revoked.body(), "$.error")).isEqualTo("invalid_grant");
	}

	/** A refresh of the family, which must succeed; answers its new refresh token. */
	private String refreshed(String refreshToken) {
		HttpResponse<String> refreshed = flow.refresh(service, refreshToken);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		return JsonPath.read(refreshed.body(), "$.refresh_token");
	}

	@Test
	void a_family_this_provider_rotated_is_not_read_again_for_its_next_refresh() {
		String refreshToken = refreshed((String) signedIn.get("refresh_token"));
		int refreshes = 20;
		for (int i = 0; i < refreshes; i++) {
			// the family read finds a refresh token through its hash in issued_token: with the hashes gone, a grant
			// that read its family would find none and refuse the token
			jdbc.sql("delete from issued_token where authorization_id in "
					+ "(select id from oauth2_authorization where principal_name = :name)").param("name", username).update();
			refreshToken = refreshed(refreshToken);
		}
		// and records one sign-in event a quarter-hour, not one a grant: the first refresh's, and a second only if the
		// refreshes crossed into the next quarter-hour (SignInEventQuarterHourProperties: no active day is lost)
		assertThat(jdbc.sql("select count(*) from sign_in_event where kind = 'REFRESH' and succeeded and account_id = :id")
				.param("id", java.util.UUID.fromString(accountId)).query(Long.class).single()).isBetween(1L, 2L);
	}

	@Test
	void a_family_rotated_here_is_still_refused_once_revoked_expired_or_its_account_suspended() {
		// each family is refreshed once first, so that its next grant finds it remembered rather than read
		String revokedToken = refreshed((String) signedIn.get("refresh_token"));
		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", revokedToken,
				"token_type_hint", "refresh_token")).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = flow.refresh(service, revokedToken);
		assertThat(revoked.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(revoked.body(), "$.error")).isEqualTo("invalid_grant");

		String expiringToken = refreshed(signIn());
		jdbc.sql("update oauth2_authorization set refresh_token_expires_at = now() - interval '1 second' "
				+ "where refresh_token_value = :token").param("token", expiringToken).update();
		HttpResponse<String> expired = flow.refresh(service, expiringToken);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(expired.body(), "$.error")).isEqualTo("invalid_grant");

		String suspendedToken = refreshed(signIn());
		region.suspend(accountId);
		HttpResponse<String> suspended = flow.refresh(service, suspendedToken);
		assertThat(suspended.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(suspended.body(), "$.error_description")).contains("suspended");
	}

	private String signIn() {
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> tokens = flow.exchange(service, flow.code(new Browser(), service, pkce, username),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return JsonPath.read(tokens.body(), "$.refresh_token");
	}

	@Test
	void an_expired_refresh_token_is_refused() {
		jdbc.sql("update oauth2_authorization set refresh_token_expires_at = now() - interval '1 second' "
				+ "where principal_name = :name").param("name", username).update();
		HttpResponse<String> expired = flow.refresh(service, (String) signedIn.get("refresh_token"));
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(expired.body(), "$.error")).isEqualTo("invalid_grant");
	}

	@Test
	void grants_racing_with_one_refresh_token_leave_one_winner_and_revoke_the_family() {
		String refreshToken = (String) signedIn.get("refresh_token");
		List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			racing.add(CompletableFuture.supplyAsync(() -> flow.refresh(service, refreshToken)));
		}
		List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
		assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
		// each loser presented a token that was no longer current: reuse, so the family is revoked
		assertThat(jdbc.sql("select count(*) from refresh_token_family_revoked where principal_name = :name")
				.param("name", username).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = :name")
				.param("name", username).query(Long.class).single()).isZero();
	}

	@Test
	void a_dpop_bound_family_is_refreshed_by_spring_authorization_servers_own_provider() throws Exception {
		com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
				.generate();
		com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory proofs = new com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory(
				key, com.nimbusds.jose.JWSAlgorithm.ES256);
		java.net.URI tokenEndpoint = java.net.URI.create("http://127.0.0.1:" + port + "/oauth2/token");
		Pkce pkce = Pkce.fresh();
		String code = flow.code(new Browser(), service, pkce, username);
		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("code", code);
		exchange.put("redirect_uri", AuthorizationCodeFlow.REDIRECT);
		exchange.put("code_verifier", pkce.verifier());
		HttpResponse<String> bound = withProof(tokenEndpoint, exchange, proofs.createDPoPJWT("POST", tokenEndpoint).serialize());
		assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(bound.body(), "$.token_type")).isEqualTo("DPoP");

		Map<String, String> refresh = new LinkedHashMap<>();
		refresh.put("grant_type", "refresh_token");
		refresh.put("refresh_token", JsonPath.read(bound.body(), "$.refresh_token"));
		HttpResponse<String> refreshed = withProof(tokenEndpoint, refresh,
				proofs.createDPoPJWT("POST", tokenEndpoint).serialize());
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		// still bound to the same key, as Spring Authorization Server's provider binds it (and it re-issues an ID token)
		assertThat((String) JsonPath.read(refreshed.body(), "$.token_type")).isEqualTo("DPoP");
		Map<String, Object> confirmation = SignedJWT.parse(JsonPath.read(refreshed.body(), "$.access_token"))
				.getJWTClaimsSet().getJSONObjectClaim("cnf");
		assertThat(confirmation).containsEntry("jkt", key.computeThumbprint().toString());
		assertThat(refreshed.body()).contains("id_token");
	}

	private HttpResponse<String> withProof(java.net.URI tokenEndpoint, Map<String, String> form, String proof)
			throws Exception {
		return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(tokenEndpoint)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", StewardCalls.basic(service.clientId(), service.clientSecret()))
				.header("DPoP", proof)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.form(form))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> refresh(String refreshToken, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		form.put("scope", scope);
		return region.token(service, form);
	}
}
