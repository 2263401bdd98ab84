package coop.commonscloud.identity.internal.provider;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The provider's issuer, from configuration only: a request's {@code Host} (or forwarded) header names whatever its
 * sender likes, and an issuer taken from it would let anyone make discovery point services elsewhere.
 */
final class Issuer {

	private Issuer() {
	}

	/**
	 * {@code commonscloud.identity.issuer} when set (at every node of a mesh, the region's one issuer), else the
	 * public URL; an https (or http) URL with a host and no query or fragment (OpenID Connect Discovery 3), without a
	 * trailing slash.
	 */
	static String of(String configuredIssuer, String publicUrl) {
		boolean own = configuredIssuer != null && !configuredIssuer.isBlank();
		String setting = own ? "commonscloud.identity.issuer" : "commonscloud.public-url";
		String issuer = (own ? configuredIssuer : publicUrl).strip().replaceAll("/+$", "");
		try {
			URI uri = new URI(issuer);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawQuery() == null && uri.getRawFragment() == null) {
				return issuer;
			}
		} catch (URISyntaxException malformed) {
			// said below
		}
		throw new IllegalStateException(setting + " must be the platform's public address as people reach it, an https"
				+ " URL with no query or fragment, such as https://id.region.example; got '" + issuer + "'");
	}
}
