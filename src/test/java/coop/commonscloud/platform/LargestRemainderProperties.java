package coop.commonscloud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LargestRemainderProperties {

	@Property
	void the_parts_always_sum_exactly_to_the_total(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long total,
			@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000) Long> weights) {
		Assume.that(weights.stream().anyMatch(w -> w > 0));
		long[] parts = LargestRemainder.allocate(total, weights);
		assertThat(LongStream.of(parts).sum()).isEqualTo(total);
	}

	@Property
	void each_part_is_within_one_unit_of_its_exact_share(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long total,
			@ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000) Long> weights) {
		Assume.that(weights.stream().anyMatch(w -> w > 0));
		long[] parts = LargestRemainder.allocate(total, weights);
		BigDecimal sum = new BigDecimal(weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add));
		for (int i = 0; i < parts.length; i++) {
			BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(weights.get(i))).divide(sum, MathContext.DECIMAL128);
			assertThat(BigDecimal.valueOf(parts[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
			if (weights.get(i) == 0) {
				assertThat(parts[i]).isZero();
			}
		}
	}

	@Property
	void the_same_input_gives_the_same_result(@ForAll @LongRange(min = 0, max = 1_000_000) long total,
			@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 1000) Long> weights) {
		assertThat(LargestRemainder.allocate(total, weights)).containsExactly(LargestRemainder.allocate(total, weights));
	}

	@Example
	void ties_go_to_the_part_listed_first() {
		assertThat(LargestRemainder.allocate(100, List.of(1L, 1L, 1L))).containsExactly(34, 33, 33);
		assertThat(LargestRemainder.allocate(2, List.of(1L, 1L, 1L))).containsExactly(1, 1, 0);
	}

	@Example
	void a_worked_example_splits_forty_dollars_by_days_of_use() {
		// 36.00 after a 10% stewardship share, split 20 : 6 days of use
		assertThat(LargestRemainder.allocate(Money.of(3600, "AUD"), List.of(20L, 6L)))
				.containsExactly(Money.of(2769, "AUD"), Money.of(831, "AUD"));
	}

	@Example
	void weights_that_are_all_zero_are_refused() {
		assertThatThrownBy(() -> LargestRemainder.allocate(100, List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
	}
}
