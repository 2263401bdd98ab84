package coop.commonscloud.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The energy-weighted renewable share of a server (or its site) over a window of days, with the
 * period its telemetry actually covers. {@code sharePercent} is empty when there is no consumption
 * on record. {@code source} says whose readings were used: the server's own, or its site's.
 *
 * <p>Renewable energy is the consumed energy that did not come from the grid, and never more than
 * the renewable supply on record: {@code min(supply, consumption - grid import)}. A fully renewable
 * day is one whose readings cover at least 95 % of it, with no grid import and renewable supply at
 * least equal to consumption.
 */
public record RenewableShare(TelemetrySource source, LocalDate windowFrom, LocalDate windowTo, int daysWithData,
		long coveredSeconds, Instant firstReading, Instant lastReading, double consumptionWh, double renewableWh,
		double gridImportWh, double renewableSupplyWh, Optional<BigDecimal> sharePercent, int fullyRenewableDays,
		LocalDate lastFullyRenewableDay) {

	/**
	 * The renewable energy credited: consumption not imported from the grid, but never more than
	 * the renewable supply on record, and never below zero.
	 */
	public static double creditedRenewableWh(double supplyWh, double consumptionWh, double gridImportWh) {
		return Math.max(0, Math.min(supplyWh, consumptionWh - gridImportWh));
	}

	/** The share in percent, to two decimals; empty when nothing was consumed. */
	public static Optional<BigDecimal> percent(double renewableWh, double consumptionWh) {
		return consumptionWh > 0
				? Optional.of(BigDecimal.valueOf(100 * renewableWh / consumptionWh).setScale(2, java.math.RoundingMode.HALF_EVEN))
				: Optional.empty();
	}

	/** Whether the share reaches {@code minimumPercent}; no data never does. */
	public boolean reaches(BigDecimal minimumPercent) {
		return sharePercent.map(share -> share.compareTo(minimumPercent) >= 0).orElse(false);
	}

	public boolean hasFullyRenewableDay() {
		return fullyRenewableDays > 0;
	}

	/** Hours of the window the readings cover. */
	public double coveredHours() {
		return coveredSeconds / 3600.0;
	}
}
