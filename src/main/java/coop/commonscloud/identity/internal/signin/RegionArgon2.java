package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the cost the region set as platform parameters ({@code identity.argon2.*}): new
 * hashes use the values in force, any hash verifies under the values it was made with, and a hash
 * made under other values asks to be upgraded, so it is rehashed when its owner next signs in.
 * The values are re-read at most once a minute.
 *
 * <p>At most as many hashes run at once as this process has cores; further sign-ins wait their
 * turn, first come first served. Each hash fills m KiB (19 MiB by default) with blocks it reads
 * back at random: several at once on one core evict each other from its caches and fill the young
 * generation faster than it can be collected, so each costs more than if they ran in turn (the
 * benchmark measured this), and memory under a burst of sign-ins stays at cores &times; m instead
 * of one m per waiting request.
 */
public final class RegionArgon2 implements PasswordEncoder {

	static final ParameterKey MEMORY = new ParameterKey("identity.argon2.memory");
	static final ParameterKey ITERATIONS = new ParameterKey("identity.argon2.iterations");
	static final ParameterKey PARALLELISM = new ParameterKey("identity.argon2.parallelism");
	private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2id\\$v=\\d+\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");
	private static final Duration REREAD = Duration.ofMinutes(1);

	record Cost(int memory, int iterations, int parallelism) {
		Argon2PasswordEncoder encoder() {
			return new Argon2PasswordEncoder(16, 32, parallelism, memory, iterations);
		}
	}

	private record Current(Cost cost, Argon2PasswordEncoder encoder, Instant readAt) {
	}

	private final PlatformParameters parameters;
	private final Clock clock;
	private final Argon2PasswordEncoder verifier = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
	private volatile Current current;
	private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	public RegionArgon2(PlatformParameters parameters, Clock clock) {
		this.parameters = parameters;
		this.clock = clock;
	}

	Cost cost() {
		return current().cost();
	}

	private Current current() {
		Current known = current;
		if (known == null || known.readAt().plus(REREAD).isBefore(clock.instant())) {
			Cost cost = new Cost(value(MEMORY), value(ITERATIONS), value(PARALLELISM));
			known = new Current(cost, cost.encoder(), clock.instant());
			current = known;
		}
		return known;
	}

	/** Forgets the values read, so the next hash uses what is in force now. */
	public void reread() {
		current = null;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		Argon2PasswordEncoder encoder = current().encoder();
		return inTurn(() -> encoder.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return inTurn(() -> verifier.matches(rawPassword, encodedPassword));
	}

	private <T> T inTurn(Supplier<T> hash) {
		hashing.acquireUninterruptibly();
		try {
			return hash.get();
		} finally {
			hashing.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		Matcher matcher = encodedPassword == null ? null : PARAMETERS.matcher(encodedPassword);
		if (matcher == null || !matcher.find()) {
			return true;
		}
		Cost made = new Cost(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)));
		return !made.equals(cost());
	}

	private int value(ParameterKey key) {
		return parameters.current(key).amount().intValueExact();
	}
}
