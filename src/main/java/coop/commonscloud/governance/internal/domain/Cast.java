package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One counted ballot and the weight of the member class that cast it. */
public record Cast(BallotContent content, BigDecimal weight) {

	public Cast {
		Objects.requireNonNull(content, "content");
		if (weight == null || weight.signum() <= 0) {
			throw new IllegalArgumentException("a ballot's weight is positive");
		}
	}

	public static Cast of(BallotContent content) {
		return new Cast(content, BigDecimal.ONE);
	}
}
