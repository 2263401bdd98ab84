package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.IngestResult;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetryRecorded;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes readings in: checks who may send them, drops exact repeats, refuses changed readings
 * unless they come as a correction, and recomputes the daily figures of the days touched.
 */
@Component
@RequiredArgsConstructor
class ReadingIngest {

	/** Readings from before this are surely a clock or unit mistake. */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
	static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

	private final TelemetryStore store;
	private final ReadingPartitions partitions;
	private final ServerStore servers;
	private final Sites sites;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Transactional
	public IngestResult ingest(List<SourcedReading> readings, boolean correction) {
		Map<TelemetrySource, List<PowerReading>> bySource = checked(readings);
		// before any source lock is taken, in a transaction of its own
		partitions.ensure(readings.stream().map(r -> r.reading().at()).min(Comparator.naturalOrder()).orElseThrow(),
				readings.stream().map(r -> r.reading().at()).max(Comparator.naturalOrder()).orElseThrow());
		int stored = 0;
		int duplicates = 0;
		int corrected = 0;
		int days = 0;
		for (Map.Entry<TelemetrySource, List<PowerReading>> entry : bySource.entrySet()) {
			TelemetrySource source = entry.getKey();
			store.lock(source);
			List<PowerReading> batch = withoutRepeats(source, entry.getValue());
			duplicates += entry.getValue().size() - batch.size();
			List<Instant> changed = new ArrayList<>(store.insertNew(source, batch));
			int storedHere = changed.size();
			stored += storedHere;
			if (changed.size() < batch.size()) {
				List<TelemetryStore.Difference> differences = store.differences(source, batch);
				if (!differences.isEmpty() && !correction) {
					throw new Conflict(conflictMessage(source, differences));
				}
				store.correct(source, differences, caller.actor());
				corrected += differences.size();
				duplicates += batch.size() - changed.size() - differences.size();
				differences.forEach(d -> changed.add(d.at()));
			}
			days += refresh(source, changed);
			if (!changed.isEmpty()) {
				int correctedHere = changed.size() - storedHere;
				events.publishEvent(new TelemetryRecorded(source,
						utcDay(changed.stream().min(Comparator.naturalOrder()).orElseThrow().minus(Telemetry.NOMINAL_SPACING)),
						utcDay(changed.stream().max(Comparator.naturalOrder()).orElseThrow()), storedHere, correctedHere,
						clock.instant()));
			}
		}
		return new IngestResult(readings.size(), stored, duplicates, corrected, bySource.size(), days);
	}

	/**
	 * What {@link #ingest} would do with these readings, without storing anything: the same checks
	 * refuse the same uploads, and each source's repeats, stored duplicates, differing readings and
	 * gaps are counted.
	 */
	@Transactional(readOnly = true)
	public List<IngestPreview> preview(List<SourcedReading> readings) {
		Map<TelemetrySource, List<PowerReading>> bySource = checked(readings);
		List<IngestPreview> previews = new ArrayList<>();
		for (Map.Entry<TelemetrySource, List<PowerReading>> entry : bySource.entrySet()) {
			TelemetrySource source = entry.getKey();
			List<PowerReading> batch = withoutRepeats(source, entry.getValue());
			List<TelemetryStore.Difference> differences = store.differences(source, batch);
			int alreadyStored = store.countStored(source, batch) - differences.size();
			List<Instant> times = batch.stream().map(PowerReading::at).sorted().toList();
			Instant first = times.get(0);
			Instant last = times.get(times.size() - 1);
			TreeSet<Instant> after = new TreeSet<>(times);
			after.addAll(store.times(source, first, last.plusSeconds(1)));
			previews.add(new IngestPreview(source, entry.getValue().size(), entry.getValue().size() - batch.size(),
					alreadyStored, differences, first, last, IngestPreview.gaps(after)));
		}
		return previews;
	}

	/** The checks every upload passes before anything is looked up or stored; the readings by source. */
	private Map<TelemetrySource, List<PowerReading>> checked(List<SourcedReading> readings) {
		caller.requireSignedIn();
		if (readings.isEmpty()) {
			throw new InvalidInput("Send at least one reading");
		}
		if (readings.size() > Telemetry.MAX_READINGS_PER_BATCH) {
			throw new InvalidInput("Send at most " + Telemetry.MAX_READINGS_PER_BATCH + " readings in one request; got "
					+ readings.size() + ". Split the upload into several requests");
		}
		checkTimes(readings);
		// sorted, so that concurrent uploads take the sources' locks in one order
		Map<TelemetrySource, List<PowerReading>> bySource = new TreeMap<>(Comparator.comparing(TelemetrySource::id));
		for (SourcedReading reading : readings) {
			bySource.computeIfAbsent(reading.source(), s -> new ArrayList<>()).add(reading.reading());
		}
		bySource.keySet().forEach(this::requireMayReport);
		return bySource;
	}

	private void checkTimes(List<SourcedReading> readings) {
		Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < readings.size() && problems.size() < 20; i++) {
			Instant at = readings.get(i).reading().at();
			if (at.isBefore(EARLIEST) || at.isAfter(latest)) {
				problems.add("reading " + (i + 1) + " is timed " + at + ", outside " + EARLIEST + " to now; "
						+ "send times in UTC (ISO 8601, such as 2026-11-21T05:00:00Z)");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** Drops repeats of the same time within one batch; the same time with different values is ambiguous. */
	private static List<PowerReading> withoutRepeats(TelemetrySource source, List<PowerReading> readings) {
		Map<Instant, PowerReading> byTime = new LinkedHashMap<>();
		for (PowerReading reading : readings) {
			PowerReading earlier = byTime.putIfAbsent(reading.at(), reading);
			if (earlier != null && !sameInStoredPrecision(earlier, reading)) {
				throw new InvalidInput("The " + source + " has two different readings timed " + reading.at()
						+ " in this upload; send one reading per source and time");
			}
		}
		return new ArrayList<>(byTime.values());
	}

	private static boolean sameInStoredPrecision(PowerReading a, PowerReading b) {
		return (float) a.consumptionW() == (float) b.consumptionW() && (float) a.renewableW() == (float) b.renewableW()
				&& (float) a.gridImportW() == (float) b.gridImportW()
				&& Objects.equals(a.batteryWh() == null ? null : a.batteryWh().floatValue(),
						b.batteryWh() == null ? null : b.batteryWh().floatValue());
	}

	private static String conflictMessage(TelemetrySource source, List<TelemetryStore.Difference> differences) {
		String times = differences.stream().limit(5).map(d -> d.at().toString()).collect(Collectors.joining(", "));
		return differences.size() + " reading(s) of the " + source + " differ from the readings stored for the same time ("
				+ times + (differences.size() > 5 ? ", ..." : "") + "); nothing was stored. To replace stored readings, "
				+ "send them again as a correction (\"correction\": true, or ?correction=true for CSV)";
	}

	/** Recomputes the days the changed readings fall on, and the days before them (their predecessors' intervals may shrink). */
	private int refresh(TelemetrySource source, List<Instant> changed) {
		if (changed.isEmpty()) {
			return 0;
		}
		TreeSet<LocalDate> days = new TreeSet<>();
		for (Instant at : changed) {
			days.add(utcDay(at));
			days.add(utcDay(at.minus(Telemetry.NOMINAL_SPACING)));
		}
		int refreshed = 0;
		LocalDate runStart = days.first();
		LocalDate previous = runStart;
		for (LocalDate day : days.tailSet(runStart, false)) {
			if (!day.equals(previous.plusDays(1))) {
				refreshed += store.refreshDays(source, runStart, previous, Telemetry.NOMINAL_SPACING.toSeconds());
				runStart = day;
			}
			previous = day;
		}
		return refreshed + store.refreshDays(source, runStart, previous, Telemetry.NOMINAL_SPACING.toSeconds());
	}

	private void requireMayReport(TelemetrySource source) {
		switch (source.kind()) {
			case SERVER -> {
				Server server = servers.find(new ServerId(source.id()))
						.orElseThrow(() -> new InvalidInput("There is no server " + source.id()));
				if (!caller.manages(server.details().partner())) {
					throw new NotPermitted("Only a steward or an admin of the partner that runs "
							+ "server '" + server.details().name() + "' may send its readings");
				}
			}
			case SITE -> {
				Site site = sites.find(new SiteId(source.id()))
						.orElseThrow(() -> new InvalidInput("There is no site " + source.id()));
				if (!caller.manages(site.partner())) {
					throw new NotPermitted("Only a steward or an admin of the partner whose site '"
							+ site.name() + "' this is may send its readings");
				}
			}
		}
	}

	static LocalDate utcDay(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}
}
