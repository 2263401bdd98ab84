package coop.commonscloud.infrastructure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One UTC day of a source's telemetry, integrated from its readings: each reading stands for the
 * time until the next reading, at most the nominal spacing, so a gap adds no energy at all.
 */
public record PowerDay(LocalDate day, int readings, long coveredSeconds, double consumptionWh,
		double renewableSupplyWh, double gridImportWh, Double lowestBatteryWh, Instant firstReading,
		Instant lastReading) {

	/** The share of the day the readings cover, from 0 to 1. */
	public double coverage() {
		return coveredSeconds / 86_400.0;
	}
}
