package coop.commonscloud.qualification.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Graduated sanctions (Ostrom's fifth principle): a failing criterion opens a case with a notice;
 * each remedy period later the case climbs one step: probation (public), no new sign-ups,
 * removal. It is closed as soon as the criterion is met again, or an appeal is upheld. While an
 * appeal awaits its decision the case does not climb.
 */
public final class SanctionLadder {

	public enum Step {
		NOTICE, PROBATION, NO_NEW_SIGN_UPS, REMOVAL, CLOSED;

		/** The step after this one on the ladder, empty at the top and once closed. */
		public Optional<Step> next() {
			return switch (this) {
				case NOTICE -> Optional.of(PROBATION);
				case PROBATION -> Optional.of(NO_NEW_SIGN_UPS);
				case NO_NEW_SIGN_UPS -> Optional.of(REMOVAL);
				case REMOVAL, CLOSED -> Optional.empty();
			};
		}

		/** Whether a partner at this step may not take new sign-ups. */
		public boolean stopsSignUps() {
			return this == NO_NEW_SIGN_UPS || this == REMOVAL;
		}

		public boolean isPublic() {
			return this == PROBATION || stopsSignUps();
		}
	}

	private SanctionLadder() {
	}

	/**
	 * The step the case should climb to now, if any: the next step once a whole remedy period has
	 * passed since the current one was recorded (exactly at the end of the period it climbs).
	 */
	public static Optional<Step> due(Step current, Instant currentSince, boolean appealPending, long remedyDays,
			Instant now) {
		if (appealPending || current.next().isEmpty()) {
			return Optional.empty();
		}
		return currentSince.plus(Duration.ofDays(remedyDays)).isAfter(now) ? Optional.empty() : current.next();
	}
}
