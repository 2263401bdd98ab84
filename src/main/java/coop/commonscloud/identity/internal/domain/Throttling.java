package coop.commonscloud.identity.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Brute-force protection as a rule over recent failures: a few free tries, then a delay that doubles
 * with each failure, then a short lockout. The lockout is short on purpose: it slows a guesser
 * down without letting anyone lock a person out for long.
 *
 * @param freeFailures failures before delays start
 * @param firstDelay the delay after the first failure beyond the free ones
 * @param lockoutFailures failures within {@code lockout} that lock
 * @param lockout how long a lockout lasts, and the period failures count over
 */
public record Throttling(int freeFailures, Duration firstDelay, int lockoutFailures, Duration lockout) {

	/**
	 * {@code failures} are the times of failures since {@code lockoutWindowStart(now)}, oldest first.
	 * A lockout starts at the failure that makes {@code lockoutFailures} within one lockout period
	 * and lasts one lockout period from it.
	 */
	public SignInVerdict verdict(List<Instant> failures, Instant now, String who) {
		for (int i = failures.size() - 1; i >= lockoutFailures - 1; i--) {
			Instant locking = failures.get(i);
			Instant until = locking.plus(lockout);
			boolean burst = !failures.get(i - lockoutFailures + 1).plus(lockout).isBefore(locking);
			if (burst && now.isBefore(until)) {
				return new SignInVerdict.LockedOut(until, Duration.between(now, until), lockoutFailures
						+ " wrong passwords " + who + ": sign-in is locked for " + lockout.toMinutes()
						+ " minutes, until " + until + ", even with the right password");
			}
		}
		List<Instant> recent = failures.stream().filter(failure -> failure.plus(lockout).isAfter(now)).toList();
		int beyond = recent.size() - freeFailures;
		if (beyond <= 0) {
			return new SignInVerdict.Allowed();
		}
		Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 20));
		if (delay.compareTo(lockout) > 0) {
			delay = lockout;
		}
		Instant earliest = recent.get(recent.size() - 1).plus(delay);
		if (now.isBefore(earliest)) {
			Duration wait = Duration.between(now, earliest);
			return new SignInVerdict.Wait(wait, recent.size() + " wrong passwords " + who + ": wait "
					+ Math.max(1, (wait.toMillis() + 999) / 1000) + " s before trying again");
		}
		return new SignInVerdict.Allowed();
	}

	/** How far back failures matter: two lockout periods, since a lockout may start at the end of one. */
	public Instant lockoutWindowStart(Instant now) {
		return now.minus(lockout.multipliedBy(2));
	}
}
