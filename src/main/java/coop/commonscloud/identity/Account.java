package coop.commonscloud.identity;

import java.time.Instant;
import java.util.UUID;

/** An account as other modules and the API see it: never with its password hash. */
public record Account(UUID id, String username, String displayName, Role role, UUID partnerId, Instant createdAt) {
}
