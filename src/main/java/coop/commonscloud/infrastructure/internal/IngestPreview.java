package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * What an upload would do to one source, shown before it is stored: how many readings it sends,
 * how many repeat another line of the upload, how many repeat a stored reading exactly (ignored),
 * which differ from a stored one (refused unless sent as a correction), and the gaps left in the
 * time it spans once the stored readings are counted too.
 *
 * @param gaps the first {@link #GAPS_LISTED} gaps; {@code gapCount} and {@code missing} count them all
 */
record IngestPreview(TelemetrySource source, int received, int repeatsInUpload, int alreadyStored,
		List<TelemetryStore.Difference> differing, Instant first, Instant last, Gaps gaps) {

	static final int GAPS_LISTED = 20;

	/** A time without readings: after one reading's nominal spacing and before the next reading. */
	record Gap(Instant from, Instant to) {

		public String readableLength() {
			return readable(Duration.between(from, to));
		}
	}

	record Gaps(List<Gap> listed, int count, Duration missing) {

		public String readableMissing() {
			return readable(missing);
		}
	}

	/** A duration as a person reads it: "3 d 2 h 5 min", or "40 s" under a minute. */
	static String readable(Duration duration) {
		if (duration.toMinutes() == 0) {
			return duration.toSeconds() + " s";
		}
		StringBuilder out = new StringBuilder();
		if (duration.toDays() > 0) {
			out.append(duration.toDays()).append(" d ");
		}
		if (duration.toHoursPart() > 0) {
			out.append(duration.toHoursPart()).append(" h ");
		}
		if (duration.toMinutesPart() > 0) {
			out.append(duration.toMinutesPart()).append(" min");
		}
		return out.toString().strip();
	}

	/** The readings that would be stored as new. */
	public int toStore() {
		return received - repeatsInUpload - alreadyStored - differing.size();
	}

	/** Gaps between consecutive readings, by the integration rule: each reading stands for at most the nominal spacing. */
	static Gaps gaps(SortedSet<Instant> times) {
		List<Gap> listed = new ArrayList<>();
		int count = 0;
		Duration missing = Duration.ZERO;
		Instant previous = null;
		for (Instant at : times) {
			if (previous != null) {
				Instant covered = previous.plus(Telemetry.NOMINAL_SPACING);
				if (covered.isBefore(at)) {
					count++;
					missing = missing.plus(Duration.between(covered, at));
					if (listed.size() < GAPS_LISTED) {
						listed.add(new Gap(covered, at));
					}
				}
			}
			previous = at;
		}
		return new Gaps(List.copyOf(listed), count, missing);
	}
}
