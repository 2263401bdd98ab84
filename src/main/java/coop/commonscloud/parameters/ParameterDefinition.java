package coop.commonscloud.parameters;

import java.math.BigDecimal;

/** What a parameter means, its unit and the range a value must lie in (either bound may be open). */
public record ParameterDefinition(ParameterKey key, String unit, String description, BigDecimal minimum,
		BigDecimal maximum) {
}
