package coop.commonscloud.settlement.internal.domain;

import coop.commonscloud.platform.LargestRemainder;
import coop.commonscloud.platform.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * How one person's net payment for a period is split: the stewardship share first, then the rest
 * among the providers they used by usage weight, or, if they used nothing, by the governed
 * fallback. Every split is {@link LargestRemainder} in integer cents; providers are listed in
 * ascending id order, so ties between equal remainders go to the provider with the smaller id.
 *
 * <p>A negative net (a refund in the period larger than the payments in it) is split the same way
 * with every part negative: the stewardship share and the providers give back in the same
 * proportions as they would have received. Zero nets produce nothing.
 */
public final class Allocating {

	private Allocating() {
	}

	/**
	 * @param usage the person's usage weight per provider (ascending provider id); empty or all
	 *        zero means they used nothing
	 * @param fallbackWeights every provider's total usage weight in the period (ascending provider
	 *        id), for the pro-rata fallback
	 */
	public static PersonAllocation allocate(UUID person, Money net, SortedMap<UUID, Long> usage,
			SortedMap<UUID, Long> fallbackWeights, SettlementRules rules) {
		long stewardship = LargestRemainder.allocate(net.minorUnits(),
				List.of(rules.stewardshipPpm(), SettlementRules.MILLION - rules.stewardshipPpm()))[0];
		long rest = net.minorUnits() - stewardship;
		List<Share> shares = new ArrayList<>();
		long fund = 0;
		if (rest != 0) {
			if (positive(usage)) {
				split(rest, usage, false, shares);
			} else if (rules.fallback() == SettlementRules.Fallback.PRO_RATA && positive(fallbackWeights)) {
				split(rest, fallbackWeights, true, shares);
			} else {
				fund = rest;
			}
		}
		return new PersonAllocation(person, net, new Money(stewardship, net.currency()), List.copyOf(shares),
				new Money(fund, net.currency()), !positive(usage));
	}

	private static void split(long rest, SortedMap<UUID, Long> weights, boolean fallback, List<Share> into) {
		List<UUID> providers = new ArrayList<>();
		List<Long> ws = new ArrayList<>();
		for (Map.Entry<UUID, Long> e : weights.entrySet()) {
			if (e.getValue() > 0) {
				providers.add(e.getKey());
				ws.add(e.getValue());
			}
		}
		long[] parts = LargestRemainder.allocate(rest, ws);
		for (int i = 0; i < parts.length; i++) {
			into.add(new Share(providers.get(i), parts[i], ws.get(i), fallback));
		}
	}

	private static boolean positive(Map<UUID, Long> weights) {
		for (long w : weights.values()) {
			if (w > 0) {
				return true;
			}
		}
		return false;
	}

	/** One provider's part of one person's payment, with the usage weight it was split by. */
	public record Share(UUID provider, long amountMinor, long weight, boolean fallback) {
	}

	/**
	 * One person's split: {@code stewardship + sum(shares) + commonsFund == net}, always.
	 * {@code usedNothing} marks people who followed the fallback.
	 */
	public record PersonAllocation(UUID person, Money net, Money stewardship, List<Share> shares, Money commonsFund,
			boolean usedNothing) {

		public long providersTotal() {
			return shares.stream().mapToLong(Share::amountMinor).sum();
		}
	}
}
