package coop.commonscloud.identity.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** What keeps another site from acting through a signed-in browser: CSRF, the pages' policies, the session cookie. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class BrowserSafetyTests {

	private static final String CSRF_REFUSED = "This request needs a valid CSRF token";

	@LocalServerPort
	int port;

	@Test
	void an_authorization_header_that_does_not_authenticate_the_request_does_not_skip_csrf() {
		StewardCalls region = new StewardCalls("http://127.0.0.1:" + port);
		StewardCalls.Client client = region.client("CSRF probe", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("csrf");
		region.member(username);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		Browser browser = new Browser();
		Pkce pkce = Pkce.fresh();
		String code = flow.code(browser, client, pkce, username);

		// the browser's session is signed in; the header is not what authenticates these requests
		assertThat(apiPost(browser, StewardCalls.basic(username, "not-the-password")).body()).contains(CSRF_REFUSED);
		assertThat(apiPost(browser, "Digest username=\"" + username + "\"").body()).contains(CSRF_REFUSED);
		assertThat(apiPost(browser, "Bearer").body()).contains(CSRF_REFUSED);
		HttpResponse<String> bogusBearer = apiPost(browser, "Bearer not-a-token");
		assertThat(bogusBearer.statusCode()).isEqualTo(401);

		String token = JsonPath.read(flow.exchange(client, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier()).body(),
				"$.access_token");
		HttpResponse<String> withToken = region.withBearer("POST", "/api/clients", "{}", token);
		assertThat(withToken.statusCode()).isNotEqualTo(401);
		assertThat(withToken.body()).doesNotContain(CSRF_REFUSED);
		HttpResponse<String> withBasic = region.asSteward("POST", "/api/clients", "{}");
		assertThat(withBasic.statusCode()).isNotEqualTo(401);
		assertThat(withBasic.body()).doesNotContain(CSRF_REFUSED);
	}

	@Test
	void pages_allow_only_this_origin_and_send_the_referrer_only_here() {
		Browser browser = new Browser();
		HttpResponse<String> page = browser.get("http://127.0.0.1:" + port + "/");
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'").endsWith("form-action 'self'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

		HttpResponse<String> signIn = browser.get("http://127.0.0.1:" + port + "/login");
		assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("default-src 'self'").contains("form-action 'self' https:");
	}

	@Test
	void the_session_cookie_is_same_site_lax_and_http_only() {
		HttpResponse<String> signIn = new Browser().get("http://127.0.0.1:" + port + "/login");
		String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
				.findFirst().orElseThrow();
		assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly").doesNotContain("Secure");
	}

	private HttpResponse<String> apiPost(Browser browser, String authorization) {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients"))
				.header("Authorization", authorization).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build());
	}
}
