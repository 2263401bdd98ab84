package coop.commonscloud.identity;

/** The signing keys of the mesh's sites: each site signs tokens with its own key. */
public interface SiteSigningKeys {

	/** This node's current public signing key, a JWK in JSON, which a site sends when it asks to join. */
	String currentPublicKey();

	/**
	 * At the core: publishes a site's public key as region data, so the JWKS of every node lists it.
	 * Publishing the same key again changes nothing.
	 *
	 * @throws coop.commonscloud.platform.InvalidInput when the key is not an ES256 public JWK whose key id names the site
	 */
	void publish(String site, String publicJwk);
}
