package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.ServedAtPublicUrl;
import coop.commonscloud.identity.internal.StewardCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issuer is the configured public URL whatever address a request names, discovery lists only what a client
 * registered here can use and every scope the provider grants, and {@code offline_access} (OpenID Connect Core 11)
 * works: granted to a client with a secret, ignored for a public one, and no refresh token when a person declines it.
 */
class IssuerAndDiscoveryTests extends ServedAtPublicUrl {

	static final String OPENID = "/.well-known/openid-configuration";
	static final String OAUTH = "/.well-known/oauth-authorization-server";

	final StewardCalls region = new StewardCalls(PUBLIC_URL);
	final AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);

	@ParameterizedTest
	@ValueSource(strings = { OPENID, OAUTH })
	void discovery_names_the_public_url_as_issuer_whatever_host_the_request_names(String document) throws Exception {
		for (String headers : List.of("Host: evil.example", "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
				+ "X-Forwarded-Proto: https\r\nForwarded: host=evil.example;proto=https")) {
			String answer = rawGet(document, headers);
			assertThat(answer).startsWith("HTTP/1.1 200");
			String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
			assertThat((String) JsonPath.read(body, "$.issuer")).isEqualTo(PUBLIC_URL);
			assertThat((String) JsonPath.read(body, "$.authorization_endpoint")).isEqualTo(PUBLIC_URL + "/oauth2/authorize");
			assertThat((String) JsonPath.read(body, "$.token_endpoint")).isEqualTo(PUBLIC_URL + "/oauth2/token");
			assertThat(body).doesNotContain("evil.example");
		}
	}

	@Test
	void an_id_token_names_the_public_url_as_issuer_though_the_request_came_to_another_address() throws Exception {
		// localhost is not the public URL's 127.0.0.1: the request's own address must not become the issuer
		StewardCalls elsewhere = new StewardCalls("http://localhost:" + PORT);
		StewardCalls.Client client = elsewhere.client("Issuer check", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("iss");
		elsewhere.member(username);
		AuthorizationCodeFlow viaLocalhost = new AuthorizationCodeFlow(elsewhere);
		Pkce pkce = Pkce.fresh();
		String code = viaLocalhost.code(new Browser(), client, pkce, username);
		HttpResponse<String> tokens = viaLocalhost.exchange(client, code, AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

		assertThat(SignedJWT.parse(JsonPath.read(tokens.body(), "$.id_token")).getJWTClaimsSet().getIssuer())
				.isEqualTo(PUBLIC_URL);
		assertThat(SignedJWT.parse(JsonPath.read(tokens.body(), "$.access_token")).getJWTClaimsSet().getIssuer())
				.isEqualTo(PUBLIC_URL);
	}

	@ParameterizedTest
	@ValueSource(strings = { OPENID, OAUTH })
	void discovery_lists_only_the_client_authentication_methods_and_grants_a_client_can_use(String document) {
		String body = new Browser().get(PUBLIC_URL + document).body();
		assertThat(JsonPath.<List<String>>read(body, "$.token_endpoint_auth_methods_supported"))
				.containsExactly("client_secret_basic", "client_secret_post", "none");
		assertThat(JsonPath.<List<String>>read(body, "$.revocation_endpoint_auth_methods_supported"))
				.containsExactly("client_secret_basic", "client_secret_post");
		assertThat(JsonPath.<List<String>>read(body, "$.introspection_endpoint_auth_methods_supported"))
				.containsExactly("client_secret_basic", "client_secret_post");
		assertThat(JsonPath.<List<String>>read(body, "$.grant_types_supported"))
				.containsExactly("authorization_code", "refresh_token", "client_credentials");
		assertThat(JsonPath.<List<String>>read(body, "$.response_types_supported")).containsExactly("code");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).doesNotContainKey("tls_client_certificate_bound_access_tokens");
	}

	@Test
	void each_secret_method_discovery_lists_works_at_the_token_endpoint() {
		StewardCalls.Client client = region.client("Methods check", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		// client_secret_basic: the helper authenticates with HTTP Basic
		HttpResponse<String> basic = region.token(client, Map.of("grant_type", "client_credentials"));
		assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
		// client_secret_post: the secret in the form
		HttpResponse<String> post = region.token(new StewardCalls.Client(client.clientId(), null), Map.of(
				"grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", client.clientSecret()));
		assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
	}

	@Test
	void scopes_supported_lists_every_scope_the_provider_grants() {
		for (String document : List.of(OPENID, OAUTH)) {
			String body = new Browser().get(PUBLIC_URL + document).body();
			assertThat(JsonPath.<List<String>>read(body, "$.scopes_supported"))
					.containsExactlyInAnyOrder("openid", "profile", "email", "offline_access", "api");
		}
		// and a first-party client with a secret is granted each of them in one request
		StewardCalls.Client client = region.client("Every scope", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		HttpResponse<String> tokens = signedIn(client, "openid profile email offline_access api");
		assertThat(List.of(JsonPath.<String>read(tokens.body(), "$.scope").split(" ")))
				.containsExactlyInAnyOrder("openid", "profile", "email", "offline_access", "api");
	}

	@Test
	void a_code_flow_asking_offline_access_succeeds_and_yields_a_refresh_token_that_refreshes() {
		StewardCalls.Client client = region.client("Offline service", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		HttpResponse<String> tokens = signedIn(client, "openid offline_access");
		assertThat(JsonPath.<String>read(tokens.body(), "$.scope")).contains("offline_access");
		String refreshToken = JsonPath.read(tokens.body(), "$.refresh_token");
		assertThat(refreshToken).isNotBlank();

		HttpResponse<String> refreshed = flow.refresh(client, refreshToken);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(refreshed.body(), "$.scope")).contains("offline_access");
	}

	@Test
	void a_public_client_asking_offline_access_signs_in_without_a_refresh_token() {
		StewardCalls.Client client = region.client("Phone app", List.of(AuthorizationCodeFlow.REDIRECT), true, true);
		HttpResponse<String> tokens = signedIn(client, "openid profile offline_access");
		assertThat(JsonPath.<String>read(tokens.body(), "$.scope")).doesNotContain("offline_access").contains("profile");
		assertThat(JsonPath.<Map<String, Object>>read(tokens.body(), "$")).doesNotContainKey("refresh_token");
	}

	@Test
	void the_consent_page_asks_for_offline_access_and_a_person_who_declines_it_gives_the_service_no_refresh_token() {
		StewardCalls.Client client = region.client("Someone's mail", List.of(AuthorizationCodeFlow.REDIRECT), false, false);
		String username = StewardCalls.unique("offline");
		region.member(username);

		HttpResponse<String> declined = consentedTo(client, username, "profile");
		assertThat(JsonPath.<String>read(declined.body(), "$.scope")).doesNotContain("offline_access");
		assertThat(JsonPath.<Map<String, Object>>read(declined.body(), "$")).doesNotContainKey("refresh_token");

		HttpResponse<String> allowed = consentedTo(client, username, "offline_access");
		assertThat(JsonPath.<String>read(allowed.body(), "$.scope")).contains("offline_access");
		assertThat(JsonPath.<String>read(allowed.body(), "$.refresh_token")).isNotBlank();
	}

	/** A person signs in through the consent page, ticking only {@code ticked}; answers the code exchange. */
	private HttpResponse<String> consentedTo(StewardCalls.Client client, String username, String ticked) {
		Browser browser = new Browser();
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> consent = browser.follow(flow.authorize(browser,
				flow.authorizeUrl(client, AuthorizationCodeFlow.REDIRECT, pkce, "openid profile offline_access"), username));
		assertThat(consent.uri().getPath()).isEqualTo("/oauth2/consent");
		assertThat(consent.body()).contains("value=\"offline_access\"").contains("Staying connected while you are away");
		HttpResponse<String> back = browser.post(PUBLIC_URL + "/oauth2/authorize", Map.of("client_id", client.clientId(),
				"state", AuthorizationCodeFlow.parameter(consent.uri().toString(), "state"), "scope", ticked,
				"_csrf", Browser.csrf(consent.body())));
		String location = Browser.location(back);
		assertThat(location).as(back.body()).startsWith(AuthorizationCodeFlow.REDIRECT + "?code=");
		HttpResponse<String> tokens = flow.exchange(client, AuthorizationCodeFlow.parameter(location, "code"),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return tokens;
	}

	/** A new member signs in to a first-party client asking for {@code scope}; answers the code exchange. */
	private HttpResponse<String> signedIn(StewardCalls.Client client, String scope) {
		String username = StewardCalls.unique("scopes");
		region.member(username);
		Browser browser = new Browser();
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> back = flow.authorize(browser,
				flow.authorizeUrl(client, AuthorizationCodeFlow.REDIRECT, pkce, scope), username);
		String location = Browser.location(back);
		assertThat(location).as(back.statusCode() + " " + back.body()).startsWith(AuthorizationCodeFlow.REDIRECT + "?code=");
		HttpResponse<String> tokens = flow.exchange(client, AuthorizationCodeFlow.parameter(location, "code"),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return tokens;
	}

	/**
	 * A GET written by hand: Java's HTTP client will not send a Host header of the caller's choosing. HTTP/1.0, so the
	 * answer comes unchunked.
	 */
	private static String rawGet(String path, String headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", PORT)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.0\r\n" + headers + "\r\nAccept: application/json\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
