package coop.commonscloud.platform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one allocation routine: splits a whole number of minor units in proportion to weights,
 * so that the parts always sum exactly to the total and each part is within one unit of its exact
 * share (Hamilton's largest-remainder method).
 *
 * <p>Each part first gets the floor of its exact share; the units left over go one each to the
 * parts with the largest remainders. Ties between equal remainders go to the part listed first, so
 * callers make results deterministic by listing parts in a stable order (by id, say).
 * Exact integer arithmetic throughout: no floating point.
 */
public final class LargestRemainder {

	private LargestRemainder() {
	}

	/** Splits {@code total} by {@code weights}; weights are non-negative and at least one is positive. */
	public static long[] allocate(long total, List<Long> weights) {
		if (total < 0) {
			long[] negative = allocate(-total, weights);
			for (int i = 0; i < negative.length; i++) {
				negative[i] = -negative[i];
			}
			return negative;
		}
		BigInteger sum = BigInteger.ZERO;
		for (Long w : weights) {
			if (w == null || w < 0) {
				throw new IllegalArgumentException("weights must be non-negative, got " + w);
			}
			sum = sum.add(BigInteger.valueOf(w));
		}
		if (sum.signum() == 0) {
			throw new IllegalArgumentException("at least one weight must be positive");
		}
		BigInteger bigTotal = BigInteger.valueOf(total);
		long[] parts = new long[weights.size()];
		BigInteger[] remainders = new BigInteger[weights.size()];
		long allocated = 0;
		for (int i = 0; i < parts.length; i++) {
			BigInteger[] division = bigTotal.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(sum);
			parts[i] = division[0].longValueExact();
			remainders[i] = division[1];
			allocated += parts[i];
		}
		long left = total - allocated;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed().thenComparing(i -> i));
		for (int k = 0; k < left; k++) {
			parts[order.get(k)]++;
		}
		return parts;
	}

	/** Splits an amount of money by weights; see {@link #allocate(long, List)}. */
	public static List<Money> allocate(Money total, List<Long> weights) {
		long[] parts = allocate(total.minorUnits(), weights);
		List<Money> result = new ArrayList<>(parts.length);
		for (long part : parts) {
			result.add(new Money(part, total.currency()));
		}
		return result;
	}
}
