package coop.commonscloud.infrastructure;

import java.time.Instant;

/** A stored reading replaced by an explicit correction: what it was, what it became, who and when. */
public record ReadingCorrection(TelemetrySource source, PowerReading before, PowerReading after, String correctedBy,
		Instant correctedAt) {
}
