package coop.commonscloud.parameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A parameter as the module that owns it defines it, with the value it starts with. At start the
 * parameters module writes what the database lacks (see {@link PlatformParameters#define}): the
 * definition, and this value effective from the epoch, recorded by {@value #RECORDED_BY} with
 * {@code reason}, as the first migrations seeded theirs.
 */
public record ParameterSeed(ParameterDefinition definition, BigDecimal value, String reason) {

	/** Seeds are in force from the epoch, so that every instant has a value. */
	public static final Instant EFFECTIVE_FROM = Instant.EPOCH;
	public static final String RECORDED_BY = "seed";

	public ParameterSeed {
		Objects.requireNonNull(definition, "definition");
		Objects.requireNonNull(value, "value");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException(definition.key() + ": say why it starts at " + value.toPlainString());
		}
		if (definition.minimum() != null && value.compareTo(definition.minimum()) < 0
				|| definition.maximum() != null && value.compareTo(definition.maximum()) > 0) {
			throw new IllegalArgumentException(definition.key() + " starts at " + value.toPlainString()
					+ ", outside its range");
		}
	}

	/**
	 * A seed from text, as a migration would write it: the bounds and the value are decimal numbers
	 * ({@code null} for an open bound).
	 */
	public static ParameterSeed of(ParameterKey key, String unit, String minimum, String maximum, String description,
			String value, String reason) {
		return new ParameterSeed(new ParameterDefinition(key, unit, description, number(minimum), number(maximum)),
				new BigDecimal(value), reason);
	}

	public ParameterKey key() {
		return definition.key();
	}

	private static BigDecimal number(String text) {
		return text == null ? null : new BigDecimal(text);
	}
}
