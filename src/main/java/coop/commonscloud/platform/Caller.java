package coop.commonscloud.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is making the current request, as far as authorization needs to know. Every module checks
 * permissions through this one interface; the identity module implements it.
 */
public interface Caller {

	/** The account name, or empty for the public. */
	Optional<String> username();

	/** The signed-in person's account, or empty for the public and for service clients. */
	Optional<AccountId> accountId();

	boolean isSteward();

	/** Whether the caller is a steward or a partner admin of this partner. */
	boolean manages(PartnerId partner);

	/** The partner this caller administers, if they are a partner admin. */
	Optional<UUID> adminOf();

	/** A name to record as the author of a change. */
	default String actor() {
		return username().orElse("anonymous");
	}

	default void requireSignedIn() {
		if (username().isEmpty()) {
			throw new NotPermitted("Sign in first");
		}
	}

	default void requireSteward() {
		if (!isSteward()) {
			throw new NotPermitted("Only a steward of the region may do this");
		}
	}

	default void requireManages(PartnerId partner) {
		if (!manages(partner)) {
			throw new NotPermitted("Only a steward or an admin of this partner may change its records");
		}
	}
}
