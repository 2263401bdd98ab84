package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.IngestResult;
import coop.commonscloud.infrastructure.PowerDay;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.ReadingCorrection;
import coop.commonscloud.infrastructure.RenewableShare;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Paged;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class TelemetryService implements Telemetry {

	static final int WINDOW_DAYS = 365;

	private final ReadingIngest ingest;
	private final TelemetryStore store;
	private final ServerStore servers;

	@Override
	public IngestResult ingest(List<SourcedReading> readings, boolean correction) {
		return ingest.ingest(readings, correction);
	}

	@Override
	@Transactional(readOnly = true)
	public RenewableShare renewableShareOfServer(ServerId serverId, Instant asOf) {
		Server server = servers.find(serverId).orElseThrow(() -> new NotFound("There is no server " + serverId));
		RenewableShare own = renewableShareOf(TelemetrySource.server(serverId), asOf);
		if (own.daysWithData() > 0 || server.details().site() == null) {
			return own;
		}
		return renewableShareOf(TelemetrySource.site(server.details().site()), asOf);
	}

	@Override
	@Transactional(readOnly = true)
	public RenewableShare renewableShareOf(TelemetrySource source, Instant asOf) {
		LocalDate to = utcDay(asOf);
		LocalDate from = to.minusDays(WINDOW_DAYS - 1);
		TelemetryStore.Window w = store.window(source, from, to, FULL_DAY_COVERAGE);
		double renewable = RenewableShare.creditedRenewableWh(w.renewableSupplyWh(), w.consumptionWh(), w.gridImportWh());
		Optional<BigDecimal> share = RenewableShare.percent(renewable, w.consumptionWh());
		return new RenewableShare(source, from, to, w.days(), w.coveredSeconds(), w.firstReading(), w.lastReading(),
				w.consumptionWh(), renewable, w.gridImportWh(), w.renewableSupplyWh(), share, w.fullyRenewableDays(),
				w.lastFullyRenewableDay());
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<PowerReading> readings(TelemetrySource source, Instant from, Instant to, Paged.Request page) {
		checkRange(from, to);
		return new Paged<>(store.readings(source, from, to, page.offset(), page.size()), page.page(), page.size(),
				store.countReadings(source, from, to));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReadingCorrection> corrections(TelemetrySource source, Instant from, Instant to) {
		checkRange(from, to);
		return store.corrections(source, from, to);
	}

	private static void checkRange(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw new InvalidInput("'from' (" + from + ") must be before 'to' (" + to + ")");
		}
		if (Duration.between(from, to).toDays() > 366) {
			throw new InvalidInput("Ask for at most 366 days of readings at a time");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<PowerDay> days(TelemetrySource source, LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw new InvalidInput("'from' (" + from + ") must not be after 'to' (" + to + ")");
		}
		if (from.plusDays(3660).isBefore(to)) {
			throw new InvalidInput("Ask for at most ten years of days at a time");
		}
		return store.days(source, from, to);
	}

	static LocalDate utcDay(Instant at) {
		return ReadingIngest.utcDay(at);
	}
}
