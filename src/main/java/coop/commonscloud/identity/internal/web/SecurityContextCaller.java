package coop.commonscloud.identity.internal.web;

import coop.commonscloud.identity.internal.provider.ServiceClient;
import coop.commonscloud.platform.AccountId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.PartnerId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the caller from Spring Security's context of the current request. */
@Component
class SecurityContextCaller implements Caller {

	@Override
	public Optional<String> username() {
		return authentication().map(Authentication::getName);
	}

	@Override
	public Optional<AccountId> accountId() {
		return authentication().map(Authentication::getPrincipal)
				.map(principal -> principal instanceof SignedInAccount account ? new AccountId(account.accountId()) : null);
	}

	@Override
	public boolean isSteward() {
		return authentication().map(a -> a.getAuthorities().stream()
				.anyMatch(authority -> "ROLE_STEWARD".equals(authority.getAuthority())))
				.orElse(false);
	}

	@Override
	public boolean manages(PartnerId partner) {
		return isSteward() || (partner != null && adminOf().filter(partner.value()::equals).isPresent());
	}

	@Override
	public Optional<UUID> adminOf() {
		return authentication().map(Authentication::getPrincipal).map(principal -> {
			if (principal instanceof SignedInAccount account) {
				return account.partnerId();
			}
			return principal instanceof ServiceClient client ? client.partnerId() : null;
		});
	}

	private static Optional<Authentication> authentication() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication);
	}
}
