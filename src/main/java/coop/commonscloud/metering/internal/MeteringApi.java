package coop.commonscloud.metering.internal;

import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provider usage reports, the offering-to-client links, anomalies and on-demand roll-ups. */
@RestController
@RequestMapping("/api/metering")
@Tag(name = "Metering")
record MeteringApi(ProviderReports reports, OfferingClients clients, SignInRollup rollup, Caller caller) {

	/** 201 for a new report, 200 with {@code duplicate: true} when its idempotency key was already used for it. */
	@PostMapping("/reports")
	ResponseEntity<ProviderReports.Receipt> report(@RequestBody ProviderReports.Report report) {
		ProviderReports.Receipt receipt = reports.report(report);
		return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
	}

	@GetMapping("/anomalies")
	List<ProviderReports.Receipt> anomalies() {
		return reports.anomalies();
	}

	record ClientLink(String clientId) {
	}

	/** Links the OpenID Connect client whose sign-ins count as active days on the offering. */
	@PutMapping("/offerings/{offeringId}/client")
	OfferingClients.Link link(@PathVariable UUID offeringId, @RequestBody ClientLink link) {
		return clients.link(new OfferingId(offeringId), link == null ? null : link.clientId());
	}

	record Rollup(LocalDate from, LocalDate to) {
	}

	record RollupDone(LocalDate from, LocalDate to, int activeDaysAdded) {
	}

	/** Rolls the days' sign-ins up into usage now (the daily job does it each night); stewards only. */
	@PostMapping("/rollups")
	RollupDone rollUp(@RequestBody Rollup days) {
		caller.requireSteward();
		if (days == null || days.from() == null || days.to() == null || days.to().isBefore(days.from())
				|| days.from().plusDays(366).isBefore(days.to())) {
			throw new InvalidInput("Give the days to roll up: 'from' and 'to' (inclusive, at most a year apart)");
		}
		return new RollupDone(days.from(), days.to(), rollup.rollUp(days.from(), days.to()));
	}
}
