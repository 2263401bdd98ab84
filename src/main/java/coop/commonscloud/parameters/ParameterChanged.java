package coop.commonscloud.parameters;

import java.time.Instant;

/** Published when a parameter gets a new value, so checks that depend on it can re-evaluate. */
public record ParameterChanged(ParameterKey key, ParameterValue value, Instant effectiveFrom) {
}
