package coop.commonscloud.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives the authorization code flow by hand, as a service's own code would, to probe the provider's refusals. */
public final class AuthorizationCodeFlow {

	public static final String REDIRECT = "http://127.0.0.1:9/callback";

	private final StewardCalls region;

	public AuthorizationCodeFlow(StewardCalls region) {
		this.region = region;
	}

	public String authorizeUrl(StewardCalls.Client client, String redirectUri, Pkce pkce, String scope) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", client.clientId());
		query.put("scope", scope);
		query.put("state", "state-1");
		query.put("nonce", "nonce-1");
		query.put("redirect_uri", redirectUri);
		if (pkce != null) {
			query.put("code_challenge", pkce.challenge());
			query.put("code_challenge_method", "S256");
		}
		return region.base() + "/oauth2/authorize?" + Browser.form(query);
	}

	/** Signs in (if asked) and answers the redirect back to the service. */
	public HttpResponse<String> authorize(Browser browser, String authorizeUrl, String username) {
		HttpResponse<String> response = browser.follow(browser.get(authorizeUrl), url -> url.startsWith(REDIRECT));
		if (response.uri().getPath().equals("/login")) {
			response = browser.follow(browser.signIn(response, username, StewardCalls.PASSWORD), url -> url.startsWith(REDIRECT));
		}
		return response;
	}

	/** A fresh code for this person and client, with PKCE. */
	public String code(Browser browser, StewardCalls.Client client, Pkce pkce, String username) {
		HttpResponse<String> back = authorize(browser, authorizeUrl(client, REDIRECT, pkce, "openid profile email"), username);
		String location = Browser.location(back);
		assertThat(location).as("redirect back with a code, got " + back.statusCode() + " " + back.body()).startsWith(REDIRECT);
		return parameter(location, "code");
	}

	public HttpResponse<String> exchange(StewardCalls.Client client, String code, String redirectUri, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri);
		if (client.clientSecret() == null) {
			form.put("client_id", client.clientId());
		}
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return region.token(client, form);
	}

	public HttpResponse<String> refresh(StewardCalls.Client client, String refreshToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		if (client.clientSecret() == null) {
			form.put("client_id", client.clientId());
		}
		return region.token(client, form);
	}

	public static String parameter(String url, String name) {
		String query = URI.create(url).getRawQuery();
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
