package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * A revoked access token stops working at the API at once, whatever revoked it ({@link RevokedTokens}): its own
 * revocation, its refresh token's, the reuse of a rotated-out refresh token, the account's password change or
 * suspension, and a revocation another process recorded. Tokens of other families and accounts keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class RevokedTokensAtTheApiTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	StewardCalls region;
	AuthorizationCodeFlow flow;
	StewardCalls.Client service;

	/** A steward signed in at a first-party service, whose tokens can make invites on the API. */
	record SignedIn(String username, String accountId, Browser browser, String accessToken, String refreshToken) {
	}

	@BeforeEach
	void a_first_party_service() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		flow = new AuthorizationCodeFlow(region);
		service = region.client(StewardCalls.unique("Region's cloud"), List.of(AuthorizationCodeFlow.REDIRECT), false, true);
	}

	@Test
	void a_revoked_access_token_is_refused_and_another_sign_in_of_the_same_person_is_not() {
		SignedIn steward = signIn(steward());
		SignedIn otherSignIn = signIn(steward);
		assertWorks(steward.accessToken());

		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", steward.accessToken(),
				"token_type_hint", "access_token")).statusCode()).isEqualTo(200);

		assertRevoked(steward.accessToken());
		assertWorks(otherSignIn.accessToken());
	}

	@Test
	void revoking_a_refresh_token_refuses_its_familys_access_tokens() {
		SignedIn steward = signIn(steward());
		SignedIn otherSignIn = signIn(steward);
		assertWorks(steward.accessToken());

		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", steward.refreshToken(),
				"token_type_hint", "refresh_token")).statusCode()).isEqualTo(200);

		assertRevoked(steward.accessToken());
		assertWorks(otherSignIn.accessToken());
	}

	@Test
	void reusing_a_rotated_out_refresh_token_refuses_every_access_token_of_its_family() {
		SignedIn steward = signIn(steward());
		SignedIn otherSignIn = signIn(steward);
		HttpResponse<String> refreshed = flow.refresh(service, steward.refreshToken());
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		String newerAccessToken = JsonPath.read(refreshed.body(), "$.access_token");
		assertWorks(newerAccessToken);
		assertWorks(steward.accessToken());

		HttpResponse<String> reused = flow.refresh(service, steward.refreshToken());
		assertThat(reused.statusCode()).isEqualTo(400);

		assertRevoked(newerAccessToken);
		assertRevoked(steward.accessToken());
		assertWorks(otherSignIn.accessToken());
	}

	@Test
	void a_password_change_refuses_the_accounts_access_tokens_and_not_another_accounts() {
		SignedIn steward = signIn(steward());
		SignedIn unrelated = signIn(steward());
		assertWorks(steward.accessToken());

		String csrf = Browser.csrf(steward.browser().get(region.base() + "/account").body());
		HttpResponse<String> changed = steward.browser().post(region.base() + "/account/password", Map.of("current",
				StewardCalls.PASSWORD, "password", "another-long-password", "repeated", "another-long-password", "_csrf", csrf));
		assertThat(Browser.location(changed)).endsWith("/account?password-changed");

		assertRevoked(steward.accessToken());
		assertWorks(unrelated.accessToken());
	}

	@Test
	void suspending_an_account_refuses_its_access_tokens_and_not_another_accounts() {
		SignedIn steward = signIn(steward());
		SignedIn unrelated = signIn(steward());
		assertWorks(steward.accessToken());

		region.suspend(steward.accountId());

		assertRevoked(steward.accessToken());
		assertWorks(unrelated.accessToken());
	}

	@Test
	void a_revoked_machine_token_is_refused() {
		String accessToken = machineToken();
		String otherToken = machineToken();
		assertAccepted(accessToken);

		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", accessToken)).statusCode()).isEqualTo(200);

		assertRevoked(accessToken);
		assertAccepted(otherToken);
	}

	@Test
	void a_revocation_another_process_recorded_is_refused_within_the_refresh_interval() throws Exception {
		SignedIn steward = signIn(steward());
		SignedIn otherSignIn = signIn(steward);
		assertWorks(steward.accessToken());
		String family = TokenClaims.familyNamedBy(SignedJWT.parse(steward.accessToken()).getJWTClaimsSet().getClaims());
		assertThat(family).isNotNull();

		// as another process sharing the database records it: this one learns of it only by reading the table
		jdbc.sql("insert into token_revocation (kind, subject, revoked_at, forget_after) "
				+ "values ('FAMILY', :family, now(), now() + interval '1 hour')").param("family", family).update();

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
				.until(() -> invite(steward.accessToken()).statusCode() == 401);
		assertRevoked(steward.accessToken());
		assertWorks(otherSignIn.accessToken());
	}

	/** Opens a steward account; answers its username and id. */
	private String[] steward() {
		String username = StewardCalls.unique("steward");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"Steward\",\"password\":\"" + StewardCalls.PASSWORD + "\",\"role\":\"STEWARD\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return new String[] {username, JsonPath.read(opened.body(), "$.id")};
	}

	private SignedIn signIn(String[] account) {
		return signIn(account[0], account[1], new Browser());
	}

	/** Another sign-in of the same person at the same service, from the same browser: another family. */
	private SignedIn signIn(SignedIn person) {
		return signIn(person.username(), person.accountId(), person.browser());
	}

	private SignedIn signIn(String username, String accountId, Browser browser) {
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> back = flow.authorize(browser,
				flow.authorizeUrl(service, AuthorizationCodeFlow.REDIRECT, pkce, "openid api"), username);
		String code = AuthorizationCodeFlow.parameter(Browser.location(back), "code");
		HttpResponse<String> tokens = flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return new SignedIn(username, accountId, browser, JsonPath.read(tokens.body(), "$.access_token"),
				JsonPath.read(tokens.body(), "$.refresh_token"));
	}

	private String machineToken() {
		HttpResponse<String> token = region.token(service, Map.of("grant_type", "client_credentials", "scope", "api"));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JsonPath.read(token.body(), "$.access_token");
	}

	/** Making an invite needs a steward's powers, so a 201 shows the token acts as its steward (or region client). */
	private HttpResponse<String> invite(String accessToken) {
		return region.withBearer("POST", "/api/invites", "{\"note\":\"revocation test\"}", accessToken);
	}

	private void assertWorks(String accessToken) {
		HttpResponse<String> invited = invite(accessToken);
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
	}

	/** A machine of the region's own client has no powers on the API, but its token is accepted: no 401. */
	private void assertAccepted(String accessToken) {
		HttpResponse<String> read = region.withBearer("GET", "/api/partners", "", accessToken);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
	}

	private void assertRevoked(String accessToken) {
		HttpResponse<String> refused = invite(accessToken);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(header -> assertThat(header)
				.startsWith("Bearer error=\"invalid_token\"").contains("revoked"));
		// a GET, which needs no sign-in, is refused too: the token is checked wherever it is sent
		assertThat(region.withBearer("GET", "/api/partners", "", accessToken).statusCode()).isEqualTo(401);
	}
}
