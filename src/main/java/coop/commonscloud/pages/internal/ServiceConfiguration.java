package coop.commonscloud.pages.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a partner pastes into a service so that it signs people in through the region: the callback the client is
 * registered with, the ID-token signing algorithm the service must accept, and the settings in the service's own
 * words. Every service here verifies the region's ES256 ID tokens or does not check their signature at all, so no
 * client needs RS256 (see docs/identity.md, "Connecting a service").
 */
record ServiceConfiguration(Software software, String callback, List<String> redirectUris, String signingAlgorithm,
		String where, String text) {

	/** The name the region has in each service's settings; Forgejo puts it in its callback path. */
	static final String PROVIDER = "commonscloud";

	/** The applications whose settings the page writes out, recognised by the catalogue application's name. */
	enum Software {
		NEXTCLOUD("Nextcloud (user_oidc)", "nextcloud"),
		FORGEJO("Forgejo or Gitea", "forgejo", "gitea"),
		SYNAPSE("Matrix Synapse", "synapse", "matrix"),
		MASTODON("Mastodon", "mastodon"),
		GRAFANA("Grafana", "grafana");

		private final String label;
		private final List<String> names;

		Software(String label, String... names) {
			this.label = label;
			this.names = List.of(names);
		}

		public String label() {
			return label;
		}

		static Optional<Software> named(String applicationName) {
			String name = applicationName.toLowerCase(Locale.ROOT);
			for (Software software : values()) {
				if (software.names.stream().anyMatch(name::contains)) {
					return Optional.of(software);
				}
			}
			return Optional.empty();
		}
	}

	/** The callback a service at {@code base} (its address, no trailing slash) sends people back to. */
	static List<String> redirectUris(Software software, String base) {
		return switch (software) {
			// with and without pretty URLs (index.php in the path), so both set-ups work
			case NEXTCLOUD -> List.of(base + "/apps/user_oidc/code", base + "/index.php/apps/user_oidc/code");
			case FORGEJO -> List.of(base + "/user/oauth2/" + PROVIDER + "/callback");
			case SYNAPSE -> List.of(base + "/_synapse/client/oidc/callback");
			case MASTODON -> List.of(base + "/auth/auth/openid_connect/callback");
			case GRAFANA -> List.of(base + "/login/generic_oauth");
		};
	}

	static ServiceConfiguration of(Software software, String issuer, String base, String clientId, String secret) {
		List<String> uris = redirectUris(software, base);
		String discovery = issuer + "/.well-known/openid-configuration";
		return switch (software) {
			case NEXTCLOUD -> new ServiceConfiguration(software, uris.get(0), uris, "ES256",
					"Run in the Nextcloud directory, as the web server's user (the user_oidc app, 1.3 or later, verifies ES256):", """
					php occ app:enable user_oidc
					php occ user_oidc:provider %s \\
					  --clientid='%s' \\
					  --clientsecret='%s' \\
					  --discoveryuri='%s' \\
					  --scope='openid email profile' \\
					  --unique-uid=0 --mapping-uid=sub \\
					  --mapping-display-name=name --mapping-email=email""".formatted(PROVIDER, clientId, secret, discovery));
			case FORGEJO -> new ServiceConfiguration(software, uris.get(0), uris, "ES256 (Forgejo takes the ID token from the token endpoint over TLS and does not check its signature)",
					"Run as the forgejo user (add --config with the path of app.ini if it is not the default):", """
					forgejo admin auth add-oauth \\
					  --name '%s' \\
					  --provider openidConnect \\
					  --key '%s' \\
					  --secret '%s' \\
					  --auto-discover-url '%s' \\
					  --scopes email --scopes profile""".formatted(PROVIDER, clientId, secret, discovery));
			case SYNAPSE -> new ServiceConfiguration(software, uris.get(0), uris, "ES256",
					"Add to homeserver.yaml (public_baseurl must be the address above), then restart Synapse:", """
					oidc_providers:
					  - idp_id: %s
					    idp_name: "Commons Cloud"
					    discover: true
					    issuer: "%s"
					    client_id: "%s"
					    client_secret: "%s"
					    client_auth_method: client_secret_basic
					    scopes: ["openid", "profile", "email"]
					    id_token_signing_alg_values_supported: ["ES256"]
					    user_mapping_provider:
					      config:
					        subject_claim: "sub"
					        localpart_template: "{{ user.preferred_username }}"
					        display_name_template: "{{ user.name }}"
					        email_template: "{{ user.email }}\"""".formatted(PROVIDER, issuer, clientId, secret));
			case MASTODON -> new ServiceConfiguration(software, uris.get(0), uris, "ES256",
					"Add to .env.production, then restart Mastodon's web process:", """
					OIDC_ENABLED=true
					OIDC_DISPLAY_NAME=Commons Cloud
					OIDC_ISSUER=%s
					OIDC_DISCOVERY=true
					OIDC_SCOPE=openid,profile,email
					OIDC_UID_FIELD=sub
					OIDC_CLIENT_ID=%s
					OIDC_CLIENT_SECRET=%s
					OIDC_REDIRECT_URI=%s
					OIDC_SECURITY_ASSUME_EMAIL_IS_VERIFIED=false""".formatted(issuer, clientId, secret, uris.get(0)));
			case GRAFANA -> new ServiceConfiguration(software, uris.get(0), uris, "ES256 (Grafana reads the ID token's claims without checking its signature)",
					"Add to grafana.ini (with [server] root_url set to the address above), then restart Grafana:", """
					[auth.generic_oauth]
					enabled = true
					name = Commons Cloud
					allow_sign_up = true
					client_id = %s
					client_secret = %s
					scopes = openid email profile offline_access
					auth_url = %s/oauth2/authorize
					token_url = %s/oauth2/token
					api_url = %s/userinfo
					use_pkce = true
					use_refresh_token = true
					login_attribute_path = preferred_username
					name_attribute_path = name
					email_attribute_path = email""".formatted(clientId, secret, issuer, issuer, issuer));
		};
	}
}
