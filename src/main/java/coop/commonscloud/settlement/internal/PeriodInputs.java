package coop.commonscloud.settlement.internal;

import coop.commonscloud.billing.Payments;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.Usage;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.settlement.internal.domain.Allocating;
import coop.commonscloud.settlement.internal.domain.Allocating.PersonAllocation;
import coop.commonscloud.settlement.internal.domain.SettlementRules;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A period's payments and usage, read once from billing and metering and held compactly: an array
 * of the people who paid (net not zero) in person-id order, and each person's usage as offering
 * indexes and weights. About 40 bytes per offering used, so 100,000 people fit easily in memory,
 * and the order no longer depends on either stream's order.
 */
final class PeriodInputs {

	/** The order of person ids in PostgreSQL (unsigned bytes), so checkpoints compare the same in SQL. */
	static final Comparator<UUID> PERSON_ORDER = (a, b) -> {
		int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	record Use(int[] offerings, long[] weights) {
	}

	final Currency currency;
	final UUID[] people;
	final long[] nets;
	final Map<UUID, Use> usage;
	final List<OfferingId> offerings;
	/** The provider of each offering (by index), null if the catalogue does not know the offering. */
	final List<UUID> providerOfOffering;
	/** Every provider's total usage weight in the period, for the pro-rata fallback. */
	final SortedMap<UUID, Long> providerWeights;

	private PeriodInputs(Currency currency, UUID[] people, long[] nets, Map<UUID, Use> usage, List<OfferingId> offerings,
			List<UUID> providerOfOffering, SortedMap<UUID, Long> providerWeights) {
		this.currency = currency;
		this.people = people;
		this.nets = nets;
		this.usage = usage;
		this.offerings = offerings;
		this.providerOfOffering = providerOfOffering;
		this.providerWeights = providerWeights;
	}

	static PeriodInputs read(YearMonth period, Payments payments, Usage usageSource, ProviderDirectory.Snapshot directory,
			SettlementRules.Weighting weighting, Currency currency) {
		Map<UUID, Long> nets = new HashMap<>();
		payments.forEachPersonTotal(period, p -> {
			if (!p.net().currency().equals(currency)) {
				throw new InvalidInput("Settlement is in " + currency + "; person " + p.person() + " paid in "
						+ p.net().currency() + ". Settle one currency per run.");
			}
			if (!p.net().isZero()) {
				nets.merge(p.person(), p.net().minorUnits(), Math::addExact);
			}
		});
		Map<OfferingId, Integer> index = new HashMap<>();
		List<OfferingId> offerings = new ArrayList<>();
		List<UUID> providers = new ArrayList<>();
		SortedMap<UUID, Long> providerWeights = new TreeMap<>(PERSON_ORDER);
		Map<UUID, Use> usage = new HashMap<>();
		usageSource.forEachPersonUsage(period, u -> {
			int[] os = new int[u.offerings().size()];
			long[] ws = new long[os.length];
			int n = 0;
			for (OfferingUsage o : u.offerings()) {
				int i = index.computeIfAbsent(o.offering(), id -> {
					offerings.add(id);
					providers.add(directory.providerOf(id).orElse(null));
					return offerings.size() - 1;
				});
				long w = weighting == SettlementRules.Weighting.ACTIVE_DAYS ? o.activeDays() : o.reportedUnits();
				UUID provider = providers.get(i);
				if (w > 0 && provider != null) {
					os[n] = i;
					ws[n++] = w;
					providerWeights.merge(provider, w, Math::addExact);
				}
			}
			if (n > 0 && nets.containsKey(u.person())) {
				usage.merge(u.person(), new Use(Arrays.copyOf(os, n), Arrays.copyOf(ws, n)), PeriodInputs::concat);
			}
		});
		UUID[] people = nets.keySet().toArray(UUID[]::new);
		Arrays.sort(people, PERSON_ORDER);
		long[] amounts = new long[people.length];
		for (int i = 0; i < people.length; i++) {
			amounts[i] = nets.get(people[i]);
		}
		return new PeriodInputs(currency, people, amounts, usage, List.copyOf(offerings),
				java.util.Collections.unmodifiableList(providers), providerWeights);
	}

	private static Use concat(Use a, Use b) {
		int[] os = Arrays.copyOf(a.offerings(), a.offerings().length + b.offerings().length);
		System.arraycopy(b.offerings(), 0, os, a.offerings().length, b.offerings().length);
		long[] ws = Arrays.copyOf(a.weights(), a.weights().length + b.weights().length);
		System.arraycopy(b.weights(), 0, ws, a.weights().length, b.weights().length);
		return new Use(os, ws);
	}

	/** The person's usage weight per provider (in provider-id order: the tie-break). */
	SortedMap<UUID, Long> weightsOf(UUID person) {
		SortedMap<UUID, Long> weights = new TreeMap<>(PERSON_ORDER);
		Use use = usage.get(person);
		if (use != null) {
			for (int k = 0; k < use.offerings().length; k++) {
				weights.merge(providerOfOffering.get(use.offerings()[k]), use.weights()[k], Math::addExact);
			}
		}
		return weights;
	}

	PersonAllocation allocate(int i, SortedMap<UUID, Long> fallbackWeights, SettlementRules rules) {
		return Allocating.allocate(people[i], new Money(nets[i], currency), weightsOf(people[i]), fallbackWeights, rules);
	}

	/** What the person used of one provider's offerings, such as "Nextcloud, 20 days; Matrix, 3 days". */
	String detail(UUID person, UUID provider, ProviderDirectory.Snapshot directory, SettlementRules.Weighting weighting) {
		Use use = usage.get(person);
		if (use == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (int k = 0; k < use.offerings().length; k++) {
			if (provider.equals(providerOfOffering.get(use.offerings()[k]))) {
				if (out.length() > 0) {
					out.append("; ");
				}
				long w = use.weights()[k];
				out.append(directory.label(offerings.get(use.offerings()[k]))).append(", ").append(w)
						.append(weighting == SettlementRules.Weighting.ACTIVE_DAYS ? (w == 1 ? " day" : " days") : " units");
			}
		}
		return out.length() == 0 ? null : out.toString();
	}
}
