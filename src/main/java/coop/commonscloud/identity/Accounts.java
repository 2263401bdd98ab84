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
}
