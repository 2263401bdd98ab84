package coop.commonscloud.identity.internal.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.region.Regions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The claims a service learns about a person, by granted scope: always the stable {@code sub} (the
 * account id, never the username) and the {@code region} (the slug of the region this deployment serves, such as
 * {@code naarm}); with {@code profile} the username and display name; with {@code email} the address and whether it
 * was verified.
 */
@Component
@RequiredArgsConstructor
class AccountClaims {

	private final AccountStore accounts;
	private final Regions regions;

	private static final String SERVED = "served";

	/**
	 * The region served, once found read again after a minute rather than for every token: a slug never changes and
	 * regions are added rarely, and a refresh grant is otherwise one statement. Not found is not remembered, so the
	 * first region made shows at once.
	 */
	private final Cache<String, Optional<String>> region = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMinutes(1)).executor(Runnable::run).build();

	/** The account behind a grant; refuses accounts that are suspended, deleted or gone. */
	Account activeAccount(String username, String errorCode) {
		return requireActive(accounts.findByUsername(username).map(AccountStore.StoredAccount::account).orElse(null),
				errorCode);
	}

	/** The account, if it exists and is active; refused as {@link #activeAccount} refuses. */
	Account requireActive(Account account, String errorCode) {
		if (account == null) {
			throw refused(errorCode, "The account this grant was issued to no longer exists");
		}
		if (!account.active()) {
			throw refused(errorCode, "The account '" + account.username() + "' is " + account.status().name().toLowerCase()
					+ ": it cannot sign in or get tokens; ask a steward of the region");
		}
		return account;
	}

	Map<String, Object> claims(Account account, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", account.id().toString());
		region().ifPresent(slug -> claims.put("region", slug));
		if (scopes.contains(OidcScopes.PROFILE)) {
			claims.put("preferred_username", account.username());
			claims.put("name", account.displayName());
		}
		if (scopes.contains(OidcScopes.EMAIL) && account.email() != null) {
			claims.put("email", account.email());
			claims.put("email_verified", account.emailVerified());
		}
		return claims;
	}

	private static OAuth2AuthenticationException refused(String errorCode, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(errorCode, description, null));
	}

	/** The slug of the region this deployment serves; empty while there is none, or several and none is named. */
	Optional<String> region() {
		Optional<String> slug = region.get(SERVED, key -> regions.served().map(served -> served.slug().value()));
		if (slug.isEmpty()) {
			region.invalidate(SERVED);
		}
		return slug;
	}
}
