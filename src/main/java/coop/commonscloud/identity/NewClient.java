package coop.commonscloud.identity;

import coop.commonscloud.platform.InvalidInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A service that signs people in through the region. Public clients (apps that cannot keep a
 * secret) must use PKCE; first-party clients skip the consent screen. Redirect URIs are https,
 * except on localhost. A steward may name the partner that runs it; a partner admin's client is
 * always its own partner's. A service that gives a back-channel logout URI is sent a signed logout token there
 * whenever a person it signed in signs out at the region (OpenID Connect Back-Channel Logout 1.0); it may require
 * every token to name the session ({@code sid}).
 */
public record NewClient(String name, List<String> redirectUris, boolean publicClient, boolean firstParty,
		List<String> postLogoutRedirectUris, UUID partnerId, String backchannelLogoutUri,
		boolean backchannelLogoutSessionRequired) {

	/** A service told of nobody's logout by back-channel. */
	public NewClient(String name, List<String> redirectUris, boolean publicClient, boolean firstParty,
			List<String> postLogoutRedirectUris, UUID partnerId) {
		this(name, redirectUris, publicClient, firstParty, postLogoutRedirectUris, partnerId, null, false);
	}

	public NewClient {
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add("A client name is 1 to 200 characters");
		}
		redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
		postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
		if (redirectUris.isEmpty()) {
			problems.add("Give at least one redirect URI, where the region sends people back after signing in");
		}
		for (String uri : redirectUris) {
			checkUri(uri, "redirect URI", problems);
		}
		for (String uri : postLogoutRedirectUris) {
			checkUri(uri, "post-logout redirect URI", problems);
		}
		backchannelLogoutUri = backchannelLogoutUri == null || backchannelLogoutUri.isBlank() ? null
				: backchannelLogoutUri.strip();
		if (backchannelLogoutUri != null && backchannelLogoutUri.length() > 500) {
			problems.add("A back-channel logout URI is at most 500 characters");
		} else if (backchannelLogoutUri != null) {
			checkUri(backchannelLogoutUri, "back-channel logout URI", problems);
		}
		if (backchannelLogoutSessionRequired && backchannelLogoutUri == null) {
			problems.add("backchannelLogoutSessionRequired needs a backchannelLogoutUri, where the region sends logout "
					+ "tokens: give one, or leave it false");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void checkUri(String uri, String what, List<String> problems) {
		try {
			URI parsed = URI.create(uri);
			if (parsed.getFragment() != null) {
				problems.add("A " + what + " has no fragment (#...); got '" + uri + "'");
			} else if ("https".equals(parsed.getScheme()) && parsed.getHost() != null) {
				return;
			} else if ("http".equals(parsed.getScheme()) && isLoopback(parsed.getHost())) {
				return;
			} else {
				problems.add("A " + what + " must use https (plain http only on localhost or 127.0.0.1); got '" + uri + "'");
			}
		} catch (IllegalArgumentException | NullPointerException e) {
			problems.add("A " + what + " must be an absolute URI; got '" + uri + "'");
		}
	}

	private static boolean isLoopback(String host) {
		return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
	}
}
