package coop.commonscloud.infrastructure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Readings of a source were stored or corrected, changing its daily figures from {@code firstDay}
 * to {@code lastDay} (UTC): renewable-share and endurance verdicts that use them are out of date.
 */
public record TelemetryRecorded(TelemetrySource source, LocalDate firstDay, LocalDate lastDay, int readings,
		int corrected, Instant at) {
}
