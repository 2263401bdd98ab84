package coop.commonscloud.identity;

import java.time.Instant;
import java.util.UUID;

/** A person opened their own account through the sign-up form (published once the account is committed). */
public record SignedUp(UUID account, Instant at) {
}
