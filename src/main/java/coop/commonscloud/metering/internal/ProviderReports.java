package coop.commonscloud.metering.internal;

import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.metering.MeteringParameters;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage that providers report for their own offerings (for example storage GB-days), once per
 * idempotency key. What one offering reports for one person on one day is capped by the
 * {@code metering.report-cap} parameter: the excess is kept in the report but not counted, and the
 * report is flagged as an anomaly for the stewards.
 */
@Component
@RequiredArgsConstructor
class ProviderReports {

	private static final String CLIENT_PREFIX = "client:";

	public record Report(UUID offeringId, UUID person, LocalDate day, Long quantity, String idempotencyKey) {

		public Report {
			List<String> problems = new ArrayList<>();
			if (offeringId == null) {
				problems.add("Name the offering ('offeringId')");
			}
			if (person == null) {
				problems.add("Name the person ('person': their account id, the 'sub' of their tokens)");
			}
			if (day == null) {
				problems.add("Give the day of the usage ('day', for example 2026-11-03)");
			}
			if (quantity == null || quantity < 0) {
				problems.add("The quantity is a whole number of units, zero or more ('quantity')");
			}
			if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
				problems.add("Give an idempotency key of 1 to 200 characters ('idempotencyKey'): sending the same report again with it records it once");
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}
	}

	public record Receipt(long id, UUID offeringId, UUID person, LocalDate day, long quantity, long counted, long cap,
			boolean anomaly, String idempotencyKey, Instant reportedAt, String reportedBy, boolean duplicate) {
	}

	private final UsageStore store;
	private final OfferingClients clients;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final Clock clock;

	@Transactional
	Receipt report(Report report) {
		Offering offering = clients.offering(new OfferingId(report.offeringId()));
		requireMayReportFor(offering);
		if (report.day().isAfter(LocalDate.now(clock).plusDays(1))) {
			throw new InvalidInput("Usage is reported for days that have begun; " + report.day() + " is in the future");
		}
		String key = report.idempotencyKey().strip();
		// one report per person, offering and day at a time, so the cap holds under concurrent reports
		store.lockReportsFor(report.offeringId(), report.person(), report.day());
		var earlier = store.report(report.offeringId(), key);
		if (earlier.isPresent()) {
			return same(earlier.get(), report);
		}
		long cap = parameters.current(MeteringParameters.REPORT_CAP).amount().longValue();
		long already = store.countedFor(report.offeringId(), report.person(), report.day());
		long counted = Math.min(report.quantity(), Math.max(0, cap - already));
		boolean anomaly = counted < report.quantity();
		Long id = store.insertReport(report, key, counted, cap, anomaly, caller.actor()).orElse(null);
		if (id == null) { // the same key arrived concurrently for another person or day
			return same(store.report(report.offeringId(), key).orElseThrow(), report);
		}
		if (counted > 0) {
			store.insertReportedUnits(report, counted, id);
		}
		return store.report(report.offeringId(), key).orElseThrow();
	}

	/** Reports whose quantity was over the cap, newest first. Stewards only. */
	List<Receipt> anomalies() {
		caller.requireSteward();
		return store.anomalies();
	}

	private void requireMayReportFor(Offering offering) {
		String who = caller.username().orElseThrow(() -> new NotPermitted("Sign in first"));
		if (who.startsWith(CLIENT_PREFIX) && !caller.isSteward()) {
			String client = who.substring(CLIENT_PREFIX.length());
			if (!clients.clientOf(offering.id()).filter(client::equals).isPresent()) {
				throw new NotPermitted("Only the offering's own client (or its partner's admins) may report its usage");
			}
			return;
		}
		if (!caller.manages(offering.details().partner())) {
			throw new NotPermitted("Only a steward or an admin of the offering's partner may report its usage");
		}
	}

	private static Receipt same(Receipt earlier, Report report) {
		if (!earlier.person().equals(report.person()) || !earlier.day().equals(report.day())
				|| earlier.quantity() != report.quantity()) {
			throw new Conflict("The idempotency key '" + earlier.idempotencyKey() + "' was already used for another report ("
					+ earlier.quantity() + " units for " + earlier.day() + "); use a new key for new usage");
		}
		return new Receipt(earlier.id(), earlier.offeringId(), earlier.person(), earlier.day(), earlier.quantity(),
				earlier.counted(), earlier.cap(), earlier.anomaly(), earlier.idempotencyKey(), earlier.reportedAt(),
				earlier.reportedBy(), true);
	}
}
