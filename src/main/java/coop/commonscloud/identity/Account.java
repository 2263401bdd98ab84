package coop.commonscloud.identity;

import coop.commonscloud.platform.PartnerId;
import java.time.Instant;
import java.util.UUID;

/**
 * An account as other modules and the API see it: never with its password hash. The id is the
 * stable subject ({@code sub}) of every token the region issues for it.
 */
public record Account(UUID id, String username, String displayName, Role role, PartnerId partnerId, Instant createdAt,
		String email, boolean emailVerified, AccountStatus status) {

	public Account(UUID id, String username, String displayName, Role role, PartnerId partnerId, Instant createdAt) {
		this(id, username, displayName, role, partnerId, createdAt, null, false, AccountStatus.ACTIVE);
	}

	public boolean active() {
		return status == AccountStatus.ACTIVE;
	}
}
