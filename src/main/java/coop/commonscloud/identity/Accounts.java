package coop.commonscloud.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The region's accounts. */
public interface Accounts {

	/** Opens an account; only a steward may. Usernames are unique regardless of case. */
	Account open(NewAccount account);

	Optional<Account> findByUsername(String username);

	List<Account> adminsOf(UUID partnerId);

	/**
	 * Suspends, reactivates or deletes an account; only a steward may. Leaving the active state
	 * ends the account's sessions' access to services: its tokens are revoked.
	 */
	Account changeStatus(UUID accountId, AccountStatus status);
}
