package coop.commonscloud.qualification.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything the server criteria read about one server, as of one instant.
 *
 * @param locality empty when the region has no boundary to judge by
 * @param share the renewable share over the last 365 days, empty without consumption on record
 * @param operatingSince the first reading of the 365-day window (the server's or its site's), null without telemetry
 * @param supply how the site's renewable supply is declared ("on site", "community installation X"), null if undeclared
 * @param endurance the outage simulation for the server's site, null when there is no site
 */
public record ServerFacts(String name, boolean offSite, String role, String hostingCompany, Long asn,
		Optional<LocalityFacts> locality, Optional<BigDecimal> share, LocalDate windowFrom, LocalDate windowTo,
		Instant firstReading, Instant lastReading, int fullyRenewableDays, String supply, EnduranceFacts endurance,
		Instant asOf) {

	public record LocalityFacts(boolean inside, double distanceMetres, double allowanceMetres, boolean qualifies) {
	}

	public record EnduranceFacts(String outcome, double lowestStateOfChargeWh, long enduranceHours, String explanation) {
	}
}
