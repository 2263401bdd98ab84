package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.MemberClass;
import java.time.Instant;
import java.util.UUID;

/**
 * A voting member. {@code email} is where notices go (accounts have no email yet); it is shown
 * only to stewards.
 */
public record Member(UUID id, MemberClass memberClass, String name, UUID partnerId, String username, String email,
		Instant admittedAt) {

	static final UUID STEWARD_ORGANISATION = UUID.fromString("00000000-0000-4000-8000-000000000001");

	Member withoutEmail() {
		return new Member(id, memberClass, name, partnerId, username, null, admittedAt);
	}
}
