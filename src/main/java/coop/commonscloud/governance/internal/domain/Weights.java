package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.List;

final class Weights {

	private Weights() {
	}

	static BigDecimal sum(List<Cast> casts) {
		return casts.stream().map(Cast::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static String show(BigDecimal weight) {
		return weight.stripTrailingZeros().toPlainString();
	}
}
