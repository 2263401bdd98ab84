package coop.commonscloud.parameters;

import java.time.Instant;

/**
 * One row of a parameter's history: the value from {@code effectiveFrom} on, who recorded it
 * and why, and the governance decision behind it when there was one.
 */
public record ParameterEntry(long id, ParameterKey key, ParameterValue value, Instant effectiveFrom,
		Instant recordedAt, String recordedBy, String reason, String decision) {
}
