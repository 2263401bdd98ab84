package coop.commonscloud.identity.internal.provider;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * Every scope the provider grants, what the consent page says of it, and which clients may ask for it. Clients are
 * registered with {@link #offeredTo} and discovery lists {@link #names()}, so the two cannot disagree.
 */
enum ProviderScope {

	OPENID(OidcScopes.OPENID, "Signing you in"),
	PROFILE(OidcScopes.PROFILE, "Your username and display name"),
	EMAIL(OidcScopes.EMAIL, "Your email address and whether it is verified"),
	/** OpenID Connect Core 11: a refresh token, so the service keeps access while you are away. */
	OFFLINE_ACCESS("offline_access",
			"Staying connected while you are away, until you withdraw it or it goes 30 days unused"),
	API(ClientService.API_SCOPE, "Act for you on the region's API");

	private final String value;
	private final String description;

	ProviderScope(String value, String description) {
		this.value = value;
		this.description = description;
	}

	String value() {
		return value;
	}

	String description() {
		return description;
	}

	/**
	 * The scopes a client may ask for: everyone the OpenID ones; a client that gets refresh tokens (it has a secret:
	 * public clients get none) {@code offline_access}; only a first-party client {@code api}.
	 */
	static Set<String> offeredTo(boolean firstParty, boolean getsRefreshTokens) {
		Set<String> scopes = new LinkedHashSet<>(List.of(OPENID.value, PROFILE.value, EMAIL.value));
		if (getsRefreshTokens) {
			scopes.add(OFFLINE_ACCESS.value);
		}
		if (firstParty) {
			scopes.add(API.value);
		}
		return scopes;
	}

	/** Every scope's name, as discovery lists them in {@code scopes_supported}. */
	static List<String> names() {
		return Arrays.stream(values()).map(ProviderScope::value).toList();
	}

	/** What the consent page says of a scope; a scope this provider does not know is named as it is. */
	static String describe(String scope) {
		return Arrays.stream(values()).filter(known -> known.value.equals(scope)).findFirst()
				.map(ProviderScope::description).orElse("The permission '" + scope + "'");
	}
}
