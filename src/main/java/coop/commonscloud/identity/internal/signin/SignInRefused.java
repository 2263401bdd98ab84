package coop.commonscloud.identity.internal.signin;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A password attempt refused unchecked because of recent failures; says how long to wait. */
public class SignInRefused extends LockedException {

	private final transient Duration retryAfter;

	SignInRefused(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least one. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}
}
