package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.domain.SignInVerdict;
import coop.commonscloud.identity.internal.domain.Throttling;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides, from the recent failed sign-ins recorded at this site, whether a password attempt for an
 * account from a network address may be checked now. Per account: free tries, then a doubling
 * delay, then a short lockout (platform parameters {@code identity.sign-in.*}). Per address: a
 * lockout after many failures across any accounts. A success clears the account's count.
 */
@Component
public class SignInThrottle {

	static final String WRONG_PASSWORD = "wrong username or password";
	private static final ParameterKey FREE = new ParameterKey("identity.sign-in.free-failures");
	private static final ParameterKey FIRST_DELAY = new ParameterKey("identity.sign-in.first-delay");
	private static final ParameterKey LOCKOUT_FAILURES = new ParameterKey("identity.sign-in.lockout-failures");
	private static final ParameterKey LOCKOUT = new ParameterKey("identity.sign-in.lockout");
	private static final ParameterKey SOURCE_LOCKOUT_FAILURES = new ParameterKey("identity.sign-in.source-lockout-failures");

	private final SignInEventStore events;
	private final PlatformParameters parameters;
	private final Clock clock;

	SignInThrottle(SignInEventStore events, PlatformParameters parameters, ObjectProvider<Clock> clock) {
		this.events = events;
		this.parameters = parameters;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private record Policy(Throttling perAccount, int perSource, Instant readAt) {
	}

	private volatile Policy policy;

	/** The parameters in force, re-read at most once a minute: they are read on every password attempt. */
	private Policy policy(Instant now) {
		Policy known = policy;
		if (known == null || !now.isBefore(known.readAt().plusSeconds(60)) || now.isBefore(known.readAt())) {
			Duration lockout = Duration.ofSeconds(value(LOCKOUT));
			known = new Policy(new Throttling(value(FREE), Duration.ofSeconds(value(FIRST_DELAY)), value(LOCKOUT_FAILURES),
					lockout), value(SOURCE_LOCKOUT_FAILURES), now);
			policy = known;
		}
		return known;
	}

	SignInVerdict check(String username, String source) {
		Instant now = clock.instant();
		Policy policy = policy(now);
		Throttling perAccount = policy.perAccount();
		Duration lockout = perAccount.lockout();
		SignInVerdict account = perAccount.verdict(events.accountFailures(username, WRONG_PASSWORD, perAccount.lockoutWindowStart(now)), now,
				"for this account");
		if (!(account instanceof SignInVerdict.Allowed) || source == null) {
			return account;
		}
		int perSource = policy.perSource();
		Throttling bySource = new Throttling(perSource, Duration.ZERO, perSource, lockout);
		return bySource.verdict(events.sourceFailures(source, WRONG_PASSWORD, bySource.lockoutWindowStart(now)), now, "from your network address");
	}

	private int value(ParameterKey key) {
		return parameters.current(key).amount().intValueExact();
	}
}
