package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.OutageDrill;
import coop.commonscloud.infrastructure.OutageEndurance;
import coop.commonscloud.infrastructure.Resilience;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.region.SiteId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resilience")
record ResilienceApi(Resilience resilience, Clock clock) {

	/** A drill as the API takes it. */
	record DrillBody(Instant startedAt, Instant endedAt, List<UUID> serversKeptUp, String result, String notes) {

		OutageDrill drill(SiteId site) {
			return new OutageDrill(null, site, startedAt, endedAt,
					serversKeptUp == null ? null : serversKeptUp.stream().map(ServerId::new).toList(), Choice.of(OutageDrill.Result.class, result, "A drill's result"),
					notes, null, null);
		}
	}


	@GetMapping("/api/sites/{id}/outage-endurance")
	OutageEndurance endurance(@PathVariable UUID id, @RequestParam(required = false) List<UUID> keptUp,
			@RequestParam(required = false) Instant asOf) {
		Set<ServerId> kept = keptUp == null ? Set.of() : keptUp.stream().map(ServerId::new).collect(Collectors.toSet());
		return resilience.enduranceOf(new SiteId(id), kept, asOf == null ? Instant.now(clock) : asOf);
	}

	@PostMapping("/api/sites/{id}/outage-drills")
	@ResponseStatus(HttpStatus.CREATED)
	OutageDrill recordDrill(@PathVariable UUID id, @RequestBody DrillBody body) {
		return resilience.recordDrill(body.drill(new SiteId(id)));
	}

	@GetMapping("/api/sites/{id}/outage-drills")
	List<OutageDrill> drills(@PathVariable UUID id) {
		return resilience.drillsAt(new SiteId(id));
	}
}
