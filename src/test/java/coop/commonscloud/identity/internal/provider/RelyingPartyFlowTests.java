package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.ServedAtPublicUrl;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Done-when test of the provider: Spring Security's own OAuth2 client, in a second Spring
 * context on its own port, signs a person in through the running region: discovery, code with
 * PKCE, an ID token verified against the JWKS, userinfo, refresh, and RP-initiated logout.
 * The provider is reached as 127.0.0.1 and the service as localhost, so their cookies stay apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelyingPartyFlowTests extends ServedAtPublicUrl {

	StewardCalls region;
	String issuer;
	String service;
	String username;
	String accountId;
	ConfigurableApplicationContext relyingParty;

	@BeforeAll
	void a_service_registered_with_the_region_and_a_member() throws Exception {
		issuer = PUBLIC_URL;
		region = new StewardCalls(issuer);
		theHomeRegionExists();
		int servicePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			servicePort = socket.getLocalPort();
		}
		service = "http://localhost:" + servicePort;
		StewardCalls.Client client = region.client("Nextcloud at Co-op A", List.of(service + "/login/oauth2/code/commons"),
				false, true);
		username = StewardCalls.unique("rp");
		accountId = region.member(username);
		relyingParty = RelyingParty.start(servicePort, issuer, client.clientId(), client.clientSecret());
	}

	@AfterAll
	void stop_the_service() {
		if (relyingParty != null) {
			relyingParty.close();
		}
	}

	@Test
	void a_standard_relying_party_signs_a_person_in_refreshes_and_logs_out() throws Exception {
		Browser browser = new Browser();

		// the service sends the person to the region, which asks them to sign in
		HttpResponse<String> toRegion = browser.follow(browser.get(service + "/me"), url -> url.startsWith(issuer));
		assertThat(Browser.location(toRegion)).startsWith(issuer + "/oauth2/authorize?")
				.contains("code_challenge=").contains("code_challenge_method=S256");
		HttpResponse<String> loginPage = browser.follow(toRegion);
		assertThat(loginPage.uri().toString()).isEqualTo(issuer + "/login");

		// signing in sends them back to the service, signed in (first-party: no consent screen)
		HttpResponse<String> me = browser.follow(browser.signIn(loginPage, username, StewardCalls.PASSWORD));
		assertThat(me.uri().toString()).as(me.body()).startsWith(service + "/me");
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

		Map<String, Object> claims = JsonPath.read(me.body(), "$.idTokenClaims");
		assertThat(claims).containsEntry("sub", accountId)
				.containsEntry("preferred_username", username)
				.containsEntry("name", "Person " + username)
				.containsEntry("email", username + "@example.org")
				.containsEntry("email_verified", false)
				.containsEntry("region", HOME_REGION);
		assertThat((String) JsonPath.read(me.body(), "$.idTokenClaims.iss")).isEqualTo(issuer);
		Map<String, Object> userInfo = JsonPath.read(me.body(), "$.userInfo");
		assertThat(userInfo).containsEntry("sub", accountId).containsEntry("region", HOME_REGION)
				.containsEntry("preferred_username", username)
				.containsEntry("email", username + "@example.org");

		// the ID token's signature verifies against the published JWKS, with ES256
		String idToken = JsonPath.read(me.body(), "$.idToken");
		SignedJWT jwt = SignedJWT.parse(idToken);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jwt.getHeader().getKeyID()).startsWith("core-");
		JWKSet jwks = JWKSet.parse(browser.get(issuer + "/oauth2/jwks").body());
		ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

		// refresh: a new access token and a rotated refresh token
		String accessToken = JsonPath.read(me.body(), "$.accessToken");
		String refreshToken = JsonPath.read(me.body(), "$.refreshToken");
		HttpResponse<String> refreshed = browser.get(service + "/refresh");
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(refreshed.body(), "$.accessToken")).isNotEqualTo(accessToken);
		assertThat((String) JsonPath.read(refreshed.body(), "$.refreshToken")).isNotEqualTo(refreshToken);

		// RP-initiated logout: the service sends the person to the region's end-session endpoint and back
		HttpResponse<String> loggedOut = browser.post(service + "/logout", Map.of());
		String endSession = Browser.location(loggedOut);
		assertThat(endSession).startsWith(issuer + "/connect/logout").contains("id_token_hint=")
				.contains("post_logout_redirect_uri=");
		HttpResponse<String> back = browser.follow(loggedOut);
		assertThat(back.uri().toString()).isEqualTo(service + "/");
		assertThat(back.body()).isEqualTo("signed out");

		// signed out at the region too: the next sign-in asks for the password again
		HttpResponse<String> again = browser.follow(browser.get(service + "/me"));
		assertThat(again.uri().toString()).isEqualTo(issuer + "/login");
	}
}
