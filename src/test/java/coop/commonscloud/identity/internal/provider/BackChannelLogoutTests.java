package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.ServerSocket;
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
 * OpenID Connect Back-Channel Logout 1.0: a service registers where it takes logout tokens, signs a person in with
 * the authorization code flow, and is sent a signed logout token when the person signs out at the region, signs out
 * through the service (RP-initiated logout), is suspended, or revokes the service. A service that is down gets the
 * logout once it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class BackChannelLogoutTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	StewardCalls region;
	AuthorizationCodeFlow flow;

	/** A person signed in at a service: their browser at the region and the ID token the service got. */
	record SignedIn(String username, String accountId, Browser browser, SignedJWT idToken) {
	}

	@BeforeEach
	void the_region() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		flow = new AuthorizationCodeFlow(region);
	}

	@Test
	void signing_out_at_the_region_sends_the_service_a_signed_logout_token_naming_the_person_and_the_session()
			throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start()) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			SignedIn person = signIn(service, StewardCalls.unique("bcl"));
			assertThat(person.idToken().getJWTClaimsSet().getStringClaim("sid")).as("the ID token names its session")
					.isNotBlank();

			signOutAtTheRegion(person.browser());

			await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
			LogoutReceiver.Received received = receiver.received().get(0);
			assertThat(received.contentType()).startsWith("application/x-www-form-urlencoded");
			SignedJWT logout = SignedJWT.parse(received.logoutToken());
			assertSignedByTheRegion(logout);
			assertThat(logout.getHeader().getType().getType()).isEqualTo("logout+jwt");
			JWTClaimsSet claims = logout.getJWTClaimsSet();
			assertThat(claims.getIssuer()).isEqualTo(person.idToken().getJWTClaimsSet().getIssuer())
					.isEqualTo(JsonPath.read(region.asSteward("GET", "/.well-known/openid-configuration", "").body(), "$.issuer"));
			assertThat(claims.getAudience()).containsExactly(service.clientId());
			assertThat(claims.getSubject()).isEqualTo(person.accountId());
			assertThat(claims.getStringClaim("sid")).isEqualTo(person.idToken().getJWTClaimsSet().getStringClaim("sid"));
			assertThat(claims.getJSONObjectClaim("events"))
					.containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
			assertThat((Map<?, ?>) claims.getJSONObjectClaim("events").get("http://schemas.openid.net/event/backchannel-logout"))
					.isEmpty();
			assertThat(claims.getClaims()).doesNotContainKey("nonce");
			assertThat(claims.getJWTID()).isNotBlank();
			assertThat(claims.getIssueTime()).isNotNull();
			assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime())
					.isBefore(new java.util.Date(claims.getIssueTime().getTime() + Duration.ofMinutes(5).toMillis()));
			await().atMost(Duration.ofSeconds(5)).until(() -> outboxOf(service).equals(List.of("delivered")));
		}
	}

	@Test
	void signing_out_one_browser_tells_the_service_of_that_session_only() throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start()) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			String username = StewardCalls.unique("bcl-two");
			SignedIn laptop = signIn(service, username);
			SignedIn phone = signIn(service, username);

			signOutAtTheRegion(laptop.browser());

			await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
			Thread.sleep(1500);
			assertThat(receiver.accepted()).hasSize(1);
			String sid = SignedJWT.parse(receiver.accepted().get(0)).getJWTClaimsSet().getStringClaim("sid");
			assertThat(sid).isEqualTo(laptop.idToken().getJWTClaimsSet().getStringClaim("sid"))
					.isNotEqualTo(phone.idToken().getJWTClaimsSet().getStringClaim("sid"));
		}
	}

	@Test
	void signing_out_through_the_service_also_tells_it_by_back_channel_and_still_redirects_back() throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start()) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			SignedIn person = signIn(service, StewardCalls.unique("bcl-rp"));

			HttpResponse<String> back = person.browser().get(region.base() + "/connect/logout?" + Browser.form(Map.of(
					"id_token_hint", person.idToken().serialize(), "post_logout_redirect_uri", "http://127.0.0.1:9/",
					"state", "s-1")));

			assertThat(Browser.location(back)).as(back.body()).isEqualTo("http://127.0.0.1:9/?state=s-1");
			await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
			JWTClaimsSet claims = SignedJWT.parse(receiver.accepted().get(0)).getJWTClaimsSet();
			assertThat(claims.getSubject()).isEqualTo(person.accountId());
			assertThat(claims.getStringClaim("sid")).isEqualTo(person.idToken().getJWTClaimsSet().getStringClaim("sid"));
			// signed out at the region too: the next authorization asks for the password again
			HttpResponse<String> again = person.browser().follow(person.browser().get(
					flow.authorizeUrl(service, AuthorizationCodeFlow.REDIRECT, Pkce.fresh(), "openid")));
			assertThat(again.uri().getPath()).isEqualTo("/login");
		}
	}

	@Test
	void a_suspended_person_is_logged_out_of_the_service() throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start()) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			SignedIn person = signIn(service, StewardCalls.unique("bcl-sus"));

			region.suspend(person.accountId());

			await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
			SignedJWT logout = SignedJWT.parse(receiver.accepted().get(0));
			assertSignedByTheRegion(logout);
			assertThat(logout.getJWTClaimsSet().getSubject()).isEqualTo(person.accountId());
			assertThat(logout.getJWTClaimsSet().getAudience()).containsExactly(service.clientId());
		}
	}

	@Test
	void revoking_the_service_on_the_account_page_logs_the_person_out_of_it() throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start()) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			SignedIn person = signIn(service, StewardCalls.unique("bcl-rev"));
			HttpResponse<String> account = person.browser().get(region.base() + "/account");

			HttpResponse<String> revoked = person.browser().post(region.base() + "/account/services/revoke",
					Map.of("clientId", service.clientId(), "_csrf", Browser.csrf(account.body())));

			assertThat(Browser.location(revoked)).endsWith("/account?revoked");
			await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted().isEmpty());
			assertThat(SignedJWT.parse(receiver.accepted().get(0)).getJWTClaimsSet().getSubject())
					.isEqualTo(person.accountId());
		}
	}

	@Test
	void a_service_answering_503_gets_the_logout_again_until_it_takes_it() throws Exception {
		try (LogoutReceiver receiver = LogoutReceiver.start().refusing(2)) {
			StewardCalls.Client service = serviceTakingLogoutsAt(receiver.uri());
			SignedIn person = signIn(service, StewardCalls.unique("bcl-503"));

			signOutAtTheRegion(person.browser());

			await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.accepted().isEmpty());
			assertThat(receiver.received()).extracting(LogoutReceiver.Received::answered).containsExactly(503, 503, 200);
			// the same logout each time (one jti), signed afresh
			assertThat(receiver.received()).extracting(r -> jti(r.logoutToken())).containsOnly(jti(receiver.accepted().get(0)));
			await().atMost(Duration.ofSeconds(5)).until(() -> outboxOf(service).equals(List.of("delivered")));
			assertThat(jdbc.sql("select attempts from backchannel_logout where client_id = :client")
					.param("client", service.clientId()).query(Integer.class).single()).isEqualTo(3);
		}
	}

	@Test
	void a_service_that_was_not_listening_at_logout_gets_it_once_it_is_back() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		StewardCalls.Client service = serviceTakingLogoutsAt("http://127.0.0.1:" + port + LogoutReceiver.PATH);
		SignedIn person = signIn(service, StewardCalls.unique("bcl-down"));

		signOutAtTheRegion(person.browser());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from backchannel_logout where client_id = :client and attempts >= 1 and last_outcome is not null")
				.param("client", service.clientId()).query(Integer.class).single() > 0);
		assertThat(outboxOf(service)).containsExactly("waiting");

		try (LogoutReceiver receiver = LogoutReceiver.startOn(port)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.accepted().isEmpty());
			assertThat(SignedJWT.parse(receiver.accepted().get(0)).getJWTClaimsSet().getSubject())
					.isEqualTo(person.accountId());
			await().atMost(Duration.ofSeconds(5)).until(() -> outboxOf(service).equals(List.of("delivered")));
		}
	}

	@Test
	void a_service_without_a_back_channel_logout_uri_is_sent_nothing() {
		StewardCalls.Client service = region.client(StewardCalls.unique("No back-channel"),
				List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		SignedIn person = signIn(service, StewardCalls.unique("bcl-none"));

		signOutAtTheRegion(person.browser());
		region.suspend(person.accountId());

		assertThat(outboxOf(service)).isEmpty();
	}

	@Test
	void a_back_channel_logout_uri_that_is_not_https_or_has_a_fragment_is_refused_with_the_reason() {
		HttpResponse<String> plainHttp = register("{\"name\":\"Plain\",\"public\":false,\"firstParty\":false,\"backchannelLogoutSessionRequired\":false,\"redirectUris\":[\"https://cloud.example.org/cb\"],"
				+ "\"backchannelLogoutUri\":\"http://cloud.example.org/logout\"}");
		assertThat(plainHttp.statusCode()).isEqualTo(400);
		assertThat(plainHttp.body()).contains("back-channel logout URI must use https");

		HttpResponse<String> fragment = register("{\"name\":\"Fragment\",\"public\":false,\"firstParty\":false,\"backchannel_logout_session_required\":false,\"redirectUris\":[\"https://cloud.example.org/cb\"],"
				+ "\"backchannel_logout_uri\":\"https://cloud.example.org/logout#x\"}");
		assertThat(fragment.statusCode()).isEqualTo(400);
		assertThat(fragment.body()).contains("back-channel logout URI has no fragment");

		HttpResponse<String> sessionWithoutUri = register("{\"name\":\"No URI\",\"public\":false,\"firstParty\":false,\"redirectUris\":[\"https://cloud.example.org/cb\"],"
				+ "\"backchannelLogoutSessionRequired\":true}");
		assertThat(sessionWithoutUri.statusCode()).isEqualTo(400);
		assertThat(sessionWithoutUri.body()).contains("needs a backchannelLogoutUri");
	}

	@Test
	void registration_answers_the_back_channel_logout_settings_and_discovery_offers_back_channel_logout() {
		HttpResponse<String> registered = register("{\"name\":\"With back-channel\",\"public\":false,\"firstParty\":false,\"redirectUris\":[\"https://cloud.example.org/cb\"],"
				+ "\"backchannel_logout_uri\":\"https://cloud.example.org/logout?via=region\","
				+ "\"backchannel_logout_session_required\":true}");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(registered.body(), "$.backchannelLogoutUri"))
				.isEqualTo("https://cloud.example.org/logout?via=region");
		assertThat((Boolean) JsonPath.read(registered.body(), "$.backchannelLogoutSessionRequired")).isTrue();

		String discovery = region.asSteward("GET", "/.well-known/openid-configuration", "").body();
		assertThat((Boolean) JsonPath.read(discovery, "$.backchannel_logout_supported")).isTrue();
		assertThat((Boolean) JsonPath.read(discovery, "$.backchannel_logout_session_supported")).isTrue();
		assertThat((String) JsonPath.read(discovery, "$.end_session_endpoint")).endsWith("/connect/logout");
		assertThat(discovery).doesNotContain("check_session_iframe");
	}

	@Test
	void the_back_off_doubles_from_one_second_up_to_its_cap() {
		Duration cap = Duration.ofMinutes(10);
		assertThat(List.of(1, 2, 3, 4, 10, 11, 40, Integer.MAX_VALUE).stream()
				.map(attempts -> LogoutDeliveries.backOff(attempts, cap)).toList())
				.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
						Duration.ofSeconds(512), cap, cap, cap);
	}

	private StewardCalls.Client serviceTakingLogoutsAt(String logoutUri) {
		HttpResponse<String> response = register("{\"name\":\"" + StewardCalls.unique("Back-channel service")
				+ "\",\"redirectUris\":[\"" + AuthorizationCodeFlow.REDIRECT + "\"],\"public\":false,\"firstParty\":true,"
				+ "\"backchannelLogoutUri\":\"" + logoutUri + "\",\"backchannelLogoutSessionRequired\":true}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return new StewardCalls.Client(JsonPath.read(response.body(), "$.client_id"),
				JsonPath.read(response.body(), "$.client_secret"));
	}

	private HttpResponse<String> register(String json) {
		return region.asSteward("POST", "/api/clients", json);
	}

	/** A member (new, or the same username again) signs in at the service in a browser of their own. */
	private SignedIn signIn(StewardCalls.Client service, String username) {
		String accountId = jdbc.sql("select id::text from account where username = :name").param("name", username)
				.query(String.class).optional().orElseGet(() -> region.member(username));
		Browser browser = new Browser();
		Pkce pkce = Pkce.fresh();
		String code = flow.code(browser, service, pkce, username);
		HttpResponse<String> tokens = flow.exchange(service, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		try {
			return new SignedIn(username, accountId, browser, SignedJWT.parse(JsonPath.<String>read(tokens.body(), "$.id_token")));
		} catch (java.text.ParseException e) {
			throw new AssertionError(e);
		}
	}

	private void signOutAtTheRegion(Browser browser) {
		HttpResponse<String> page = browser.get(region.base() + "/account");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		HttpResponse<String> signedOut = browser.post(region.base() + "/logout", Map.of("_csrf", Browser.csrf(page.body())));
		assertThat(Browser.location(signedOut)).endsWith("/login?logout");
	}

	private void assertSignedByTheRegion(SignedJWT token) throws Exception {
		assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		JWKSet jwks = JWKSet.parse(new Browser().get(region.base() + "/oauth2/jwks").body());
		ECKey key = (ECKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
		assertThat(key).as("the key %s is published", token.getHeader().getKeyID()).isNotNull();
		assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
	}

	private static String jti(String token) {
		try {
			return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
		} catch (java.text.ParseException e) {
			throw new AssertionError(e);
		}
	}

	/** The state of each logout the outbox holds for the service: delivered, given up, or waiting. */
	private List<String> outboxOf(StewardCalls.Client service) {
		return jdbc.sql("""
				select case when delivered_at is not null then 'delivered' when given_up_at is not null then 'given up'
				            else 'waiting' end
				from backchannel_logout where client_id = :client order by requested_at""")
				.param("client", service.clientId()).query(String.class).list();
	}
}
