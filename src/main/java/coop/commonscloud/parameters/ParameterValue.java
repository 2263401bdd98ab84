package coop.commonscloud.parameters;

import java.math.BigDecimal;
import java.util.Objects;

/** A parameter's value with its unit, for example 1000 m, 80 % or 63024.00 AUD. */
public record ParameterValue(BigDecimal amount, String unit) {

	public ParameterValue {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(unit, "unit");
		amount = amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + unit;
	}
}
