package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The server criteria: local, renewables and resilient fallback. */
public final class ServerRules {

	/** How long a server runs before the resilience criterion is due. */
	public static final Duration YEAR_OF_OPERATION = Duration.ofDays(365);

	private ServerRules() {
	}

	/**
	 * Local: a regional server meets the locality rule; an off-site server (backup, DNS, connector)
	 * may stand anywhere but is never hosted by a company on the governed list, by name or AS number.
	 */
	public static Verdict local(ServerFacts s, List<ExcludedHost> excluded) {
		if (s.offSite()) {
			List<String> hits = new ArrayList<>();
			for (ExcludedHost h : excluded) {
				if (h.asn() != null && h.asn().equals(s.asn())) {
					hits.add("AS" + s.asn() + " belongs to " + h.company());
				} else if (h.namedIn(s.hostingCompany()) && hits.stream().noneMatch(x -> x.contains(h.company()))) {
					hits.add("the hosting company '" + s.hostingCompany() + "' is " + h.company());
				}
			}
			if (!hits.isEmpty()) {
				return Verdict.notMet(s.role() + " server " + s.name() + " is hosted by a company the region excludes: "
						+ String.join("; ", hits));
			}
			return Verdict.met(s.role() + " server, may stand outside the region" + (s.hostingCompany() == null ? ""
					: "; hosted by " + s.hostingCompany() + (s.asn() == null ? "" : " (AS" + s.asn() + ")")
							+ ", not on the excluded list"));
		}
		Optional<ServerFacts.LocalityFacts> l = s.locality();
		if (l.isEmpty()) {
			return Verdict.pending("The region has no boundary yet, so locality cannot be judged");
		}
		ServerFacts.LocalityFacts f = l.get();
		if (f.inside()) {
			return Verdict.met("Stands inside the region");
		}
		String where = String.format(Locale.ROOT, "Stands %.0f m outside the boundary; the allowance is %.0f m",
				f.distanceMetres(), f.allowanceMetres());
		return f.qualifies() ? Verdict.met(where) : Verdict.notMet(where);
	}

	/**
	 * Renewables (regional servers): the energy-weighted share over the last 365 days reaches the
	 * minimum, at least one day was fully renewable, and the supply is declared on-site or from a
	 * named community installation.
	 */
	public static Verdict renewables(ServerFacts s, BigDecimal minimumShare) {
		if (s.offSite()) {
			return Verdict.met("An off-site server: the renewables criterion applies to regional servers");
		}
		if (s.share().isEmpty()) {
			return Verdict.pending("No power telemetry yet for " + s.name() + " or its site: send readings");
		}
		String period = "from " + (s.firstReading() == null ? s.windowFrom() : s.firstReading().atZone(ZoneOffset.UTC).toLocalDate())
				+ " to " + (s.lastReading() == null ? s.windowTo() : s.lastReading().atZone(ZoneOffset.UTC).toLocalDate());
		BigDecimal share = s.share().get();
		List<Verdict> parts = new ArrayList<>();
		parts.add(share.compareTo(minimumShare) >= 0
				? Verdict.met("Renewable share " + share.toPlainString() + " % " + period + " reaches " + minimumShare.toPlainString() + " %")
				: Verdict.notMet("Renewable share " + share.toPlainString() + " % " + period + " is below " + minimumShare.toPlainString() + " %"));
		parts.add(s.fullyRenewableDays() > 0
				? Verdict.met(s.fullyRenewableDays() + " day(s) fully renewable")
				: Verdict.notMet("No day on record when renewable supply covered all consumption"));
		parts.add(s.supply() != null ? Verdict.met("Supply: " + s.supply())
				: Verdict.pending("Declare where the site's renewable supply comes from (on site or a named community installation)"));
		return Verdict.allOf(parts);
	}

	/**
	 * Resilient fallback (regional servers), due once the telemetry reaches back to the first day of
	 * the 365-day window (a year of operation on record): the site's
	 * outage simulation passes for the endurance parameter. Without any telemetry it is pending,
	 * not met: a server that has never reported is not shown as passing.
	 */
	public static Verdict resilientFallback(ServerFacts s) {
		if (s.offSite()) {
			return Verdict.met("An off-site server: the resilience criterion applies to regional servers");
		}
		ServerFacts.EnduranceFacts e = s.endurance();
		if (s.firstReading() == null) {
			// nothing on record says the server runs at all: not a pass, whatever the calendar says
			return Verdict.pending("No telemetry yet for " + s.name() + " or its site: send readings; the outage test is due "
					+ "after a year of operation on record");
		}
		if (s.firstReading().atZone(ZoneOffset.UTC).toLocalDate().isAfter(s.windowFrom())) {
			return Verdict.met("Not due yet: due after a year of operation, from "
					+ s.firstReading().plus(YEAR_OF_OPERATION).atZone(ZoneOffset.UTC).toLocalDate()
					+ (e == null ? "" : ". Simulated today: " + summary(e)));
		}
		if (e == null) {
			return Verdict.pending("The server has no site to simulate an outage for");
		}
		return switch (e.outcome()) {
			case "PASSES" -> Verdict.met(summary(e));
			case "FAILS" -> Verdict.notMet(e.explanation());
			default -> Verdict.pending(e.explanation());
		};
	}

	private static String summary(ServerFacts.EnduranceFacts e) {
		return switch (e.outcome()) {
			case "PASSES" -> String.format(Locale.ROOT, "Keeps LoRes functions up for %d h without the grid; lowest charge %.1f Wh",
					e.enduranceHours(), e.lowestStateOfChargeWh());
			case "FAILS" -> String.format(Locale.ROOT, "does not last %d h without the grid (%s)", e.enduranceHours(), e.explanation());
			default -> "not enough telemetry yet to simulate a " + e.enduranceHours() + " h outage";
		};
	}
}
