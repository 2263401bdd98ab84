package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.Paged;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Power telemetry of servers and sites. Partner admins send readings for their own servers and
 * sites only; stewards for any. Ingest is idempotent by source and time: an exact repeat is
 * ignored, a reading that differs from the stored one is refused unless sent as a correction.
 */
public interface Telemetry {

	/** The longest time one reading stands for; a longer gap between readings adds no energy. */
	Duration NOMINAL_SPACING = Duration.ofMinutes(5);

	/** How much of a day the readings must cover for it to count as a fully renewable day. */
	double FULL_DAY_COVERAGE = 0.95;

	/** The most readings one request may carry. */
	int MAX_READINGS_PER_BATCH = 50_000;

	IngestResult ingest(List<SourcedReading> readings, boolean correction);

	/** The renewable share of a server over the 365 days up to {@code asOf}: its own readings, or else its site's. */
	RenewableShare renewableShareOfServer(ServerId server, Instant asOf);

	RenewableShare renewableShareOf(TelemetrySource source, Instant asOf);

	/** A source's readings from {@code from} (inclusive) to {@code to} (exclusive), oldest first, a page at a time. */
	Paged<PowerReading> readings(TelemetrySource source, Instant from, Instant to, Paged.Request page);

	/** The corrections made to a source's readings timed from {@code from} to {@code to}, newest first. */
	List<ReadingCorrection> corrections(TelemetrySource source, Instant from, Instant to);

	/** The daily energy figures of a source, oldest first. */
	List<PowerDay> days(TelemetrySource source, LocalDate from, LocalDate to);
}
