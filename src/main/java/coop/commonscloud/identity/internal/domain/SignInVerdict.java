package coop.commonscloud.identity.internal.domain;

import java.time.Duration;
import java.time.Instant;

/** Whether a password attempt may be checked now. A refusal says how long to wait and why. */
public sealed interface SignInVerdict {

	record Allowed() implements SignInVerdict {
	}

	/** Too soon after recent failures: progressive delay. */
	record Wait(Duration retryAfter, String reason) implements SignInVerdict {
	}

	/** Too many failures: refused, even with the right password, until {@code until}. */
	record LockedOut(Instant until, Duration retryAfter, String reason) implements SignInVerdict {
	}
}
