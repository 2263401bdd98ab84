package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.OutageDrill;
import coop.commonscloud.infrastructure.InfrastructureParameters;
import coop.commonscloud.infrastructure.OutageEndurance;
import coop.commonscloud.infrastructure.Resilience;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.internal.domain.OutageSimulation;
import coop.commonscloud.infrastructure.internal.domain.WorstDays;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class ResilienceService implements Resilience {

	/** How far back the telemetry history is searched for the worst days. */
	static final int HISTORY_DAYS = 3660;

	private final ResilienceStore store;
	private final TelemetryStore telemetry;
	private final ServerStore servers;
	private final Sites sites;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final Clock clock;

	@Override
	@Transactional(readOnly = true)
	public OutageEndurance enduranceOf(SiteId siteId, Set<ServerId> keptUp, Instant asOf) {
		Site site = sites.find(siteId).orElseThrow(() -> new NotFound("There is no site " + siteId));
		List<Server> atSite = servers.atSites(Set.of(siteId.value()));
		if (atSite.isEmpty()) {
			throw new InvalidInput("No servers are recorded at site '" + site.name() + "'; add them with their battery "
					+ "capacity and low-power draw first");
		}
		List<Server> kept = keptUp.isEmpty() ? atSite : atSite.stream().filter(s -> keptUp.contains(s.id())).toList();
		if (kept.size() != keptUp.size() && !keptUp.isEmpty()) {
			throw new InvalidInput("Every server kept up must stand at site '" + site.name() + "'");
		}
		double capacity = atSite.stream().mapToDouble(s -> s.details().batteryWh()).sum();
		double draw = kept.stream().mapToDouble(s -> s.details().lowPowerDrawW()).sum();
		int hours = parameters.valueAt(InfrastructureParameters.OUTAGE_ENDURANCE, asOf).amount().setScale(0, RoundingMode.CEILING)
				.intValueExact();
		Duration endurance = Duration.ofHours(hours);
		int runLength = Math.max(1, (hours + 23) / 24);
		List<UUID> sources = store.hasDays(siteId.value()) ? List.of(siteId.value())
				: atSite.stream().map(s -> s.id().value()).toList();
		LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
		List<WorstDays.Day> days = store.generationDays(sources, today.minusDays(HISTORY_DAYS), today.minusDays(1),
				Math.round(Telemetry.FULL_DAY_COVERAGE * 86_400));
		List<ServerId> keptIds = kept.stream().map(Server::id).toList();
		Optional<WorstDays.Run> worst = WorstDays.find(days, runLength);
		if (worst.isEmpty()) {
			return new OutageEndurance(siteId, OutageEndurance.Outcome.NOT_ENOUGH_TELEMETRY, endurance, capacity, draw,
					keptIds, null, null, 0, capacity, null, 0, "The telemetry history has no run of " + runLength
							+ " consecutive complete days (readings covering at least "
							+ Math.round(Telemetry.FULL_DAY_COVERAGE * 100) + " % of each day) to simulate with");
		}
		WorstDays.Run run = worst.get();
		double[] hourly = telemetry.hourlySupply(sources, run.from().atStartOfDay().toInstant(ZoneOffset.UTC), hours,
				Telemetry.NOMINAL_SPACING.toSeconds());
		OutageSimulation.Result result = OutageSimulation.simulate(capacity, draw, hourly);
		String explanation = String.format(Locale.ROOT, "A full battery of %.0f Wh, %d server(s) kept up drawing %.1f W, "
				+ "and the renewable generation of the worst %d days on record (%s to %s, %.0f Wh): %s", capacity,
				kept.size(), draw, runLength, run.from(), run.to(), run.generationWh(), result.passes()
						? String.format(Locale.ROOT, "the battery never ran out; its lowest charge was %.1f Wh",
								result.lowestStateOfChargeWh())
						: String.format(Locale.ROOT, "the battery ran out after %s, %.1f Wh short",
								result.ranOutAfter(), result.shortfallWh()));
		return new OutageEndurance(siteId, result.passes() ? OutageEndurance.Outcome.PASSES : OutageEndurance.Outcome.FAILS,
				endurance, capacity, draw, keptIds, run.from(), run.to(), run.generationWh(), result.lowestStateOfChargeWh(),
				result.ranOutAfter(), result.shortfallWh(), explanation);
	}

	@Override
	@Transactional
	public OutageDrill recordDrill(OutageDrill drill) {
		caller.requireSignedIn();
		Site site = sites.find(drill.site()).orElseThrow(() -> new InvalidInput("There is no site " + drill.site()));
		caller.requireManages(site.partner());
		Set<ServerId> atSite = servers.atSites(Set.of(site.id().value())).stream().map(Server::id)
				.collect(java.util.stream.Collectors.toSet());
		List<ServerId> strangers = drill.serversKeptUp().stream().filter(s -> !atSite.contains(s)).toList();
		if (!strangers.isEmpty()) {
			throw new InvalidInput("These servers do not stand at site '" + site.name() + "': " + strangers);
		}
		if (drill.endedAt().isAfter(Instant.now(clock).plus(Duration.ofMinutes(5)))) {
			throw new InvalidInput("Record a drill once it has ended; its end " + drill.endedAt() + " is in the future");
		}
		OutageDrill recorded = new OutageDrill(UUID.randomUUID(), drill.site(), drill.startedAt(), drill.endedAt(),
				drill.serversKeptUp(), drill.result(), drill.notes(), caller.actor(), null);
		store.insertDrill(recorded);
		return store.drill(recorded.id());
	}

	@Override
	@Transactional(readOnly = true)
	public List<OutageDrill> drillsAt(SiteId site) {
		return store.drillsAt(site);
	}
}
