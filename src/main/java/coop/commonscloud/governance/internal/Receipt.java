package coop.commonscloud.governance.internal;

import java.time.Instant;
import java.util.UUID;

/** That a member's ballot was cast, by whom and when; never what it said. */
public record Receipt(UUID memberId, String memberName, String castBy, boolean byProxy, Instant castAt) {
}
