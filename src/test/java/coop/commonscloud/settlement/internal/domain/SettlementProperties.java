package coop.commonscloud.settlement.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Posting;
import coop.commonscloud.settlement.internal.domain.Allocating.PersonAllocation;
import coop.commonscloud.settlement.internal.domain.Allocating.Share;
import coop.commonscloud.settlement.internal.domain.SettlementRules.Fallback;
import coop.commonscloud.settlement.internal.domain.SettlementRules.Weighting;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The laws of settlement, over random payments, usage and rules. */
class SettlementProperties {

	static final Currency AUD = Currency.getInstance("AUD");
	static final List<UUID> PROVIDERS = List.of(
			UUID.fromString("00000000-0000-0000-0000-00000000000a"), UUID.fromString("00000000-0000-0000-0000-00000000000b"),
			UUID.fromString("00000000-0000-0000-0000-00000000000c"), UUID.fromString("7fffffff-0000-0000-0000-000000000001"),
			UUID.fromString("80000000-0000-0000-0000-000000000001"), UUID.fromString("ffffffff-0000-0000-0000-000000000001"));

	record Person(UUID id, long net, SortedMap<UUID, Long> usage) {
	}

	record Period(List<Person> people, SettlementRules rules, List<Boolean> settlerRun, List<Levying.Payee> payees) {

		SortedMap<UUID, Long> fallbackWeights() {
			SortedMap<UUID, Long> totals = new TreeMap<>();
			people.forEach(p -> p.usage().forEach((k, v) -> totals.merge(k, v, Long::sum)));
			return totals;
		}

		boolean settlerRun(UUID provider) {
			return settlerRun.get(PROVIDERS.indexOf(provider));
		}
	}

	@Provide
	Arbitrary<Period> periods() {
		Arbitrary<SortedMap<UUID, Long>> usage = Arbitraries.longs().between(0, 31)
				.list().ofSize(PROVIDERS.size())
				.map(ws -> {
					SortedMap<UUID, Long> m = new TreeMap<>();
					for (int i = 0; i < ws.size(); i++) {
						if (ws.get(i) % 3 != 0) { // about a third of offerings unused; some people use nothing
							m.put(PROVIDERS.get(i), ws.get(i));
						}
					}
					return m;
				});
		Arbitrary<Person> person = Combinators.combine(Arbitraries.create(UUID::randomUUID),
				Arbitraries.longs().between(-20_000, 1_000_000), usage).as(Person::new);
		Arbitrary<SettlementRules> rules = Combinators.combine(Arbitraries.longs().between(0, 1_000_000),
				Arbitraries.longs().between(0, 1_000_000), Arbitraries.of(Weighting.class), Arbitraries.of(Fallback.class))
				.as(SettlementRules::new);
		Arbitrary<List<Levying.Payee>> payees = Arbitraries.longs().between(1, 5).list().ofMinSize(1).ofMaxSize(3)
				.map(shares -> {
					List<Levying.Payee> list = new ArrayList<>();
					for (int i = 0; i < shares.size(); i++) {
						list.add(new Levying.Payee("P" + i, "Payee " + i, shares.get(i)));
					}
					return list;
				});
		return Combinators.combine(person.list().ofMaxSize(40), rules,
				Arbitraries.of(true, false).list().ofSize(PROVIDERS.size()), payees).as(Period::new);
	}

	static List<PersonAllocation> allocateAll(Period period, List<Person> people) {
		SortedMap<UUID, Long> fallback = period.fallbackWeights();
		return people.stream()
				.map(p -> Allocating.allocate(p.id(), new Money(p.net(), AUD), p.usage(), fallback, period.rules()))
				.toList();
	}

	static PeriodTotals.Result settle(Period period, List<Person> people) {
		PeriodTotals totals = new PeriodTotals(AUD);
		allocateAll(period, people).forEach(totals::add);
		return totals.finish(period::settlerRun, period.payees(), period.rules());
	}

	@Property
	void providers_stewardship_land_back_and_fallback_sum_exactly_to_the_payments(@ForAll("periods") Period period) {
		PeriodTotals.Result result = settle(period, period.people());
		long payments = period.people().stream().mapToLong(Person::net).sum();
		assertThat(result.payments()).isEqualTo(payments);
		assertThat(result.stewardship() + result.providersPayable() + result.landBack() + result.commonsFund())
				.isEqualTo(payments);
		assertThat(result.payees().stream().mapToLong(PeriodTotals.PayeeResult::amountMinor).sum()).isEqualTo(result.landBack());
		assertThat(result.postings().stream().mapToLong(p -> p.amount().minorUnits()).sum()).isZero();
		assertThat(result.postings()).extracting(Posting::amount).noneMatch(Money::isZero);
		for (PersonAllocation a : allocateAll(period, period.people())) {
			assertThat(a.stewardship().minorUnits() + a.providersTotal() + a.commonsFund().minorUnits())
					.isEqualTo(a.net().minorUnits());
		}
		for (PeriodTotals.ProviderResult p : result.providers()) {
			assertThat(p.levy() + p.payable()).isEqualTo(p.gross());
			if (!p.settlerRun()) {
				assertThat(p.levy()).isZero();
			}
		}
	}

	@Property
	void each_persons_split_is_within_one_cent_of_the_exact_proportion(@ForAll("periods") Period period) {
		SortedMap<UUID, Long> fallback = period.fallbackWeights();
		for (PersonAllocation a : allocateAll(period, period.people())) {
			long net = a.net().minorUnits();
			assertWithinOneUnit(a.stewardship().minorUnits(), net, period.rules().stewardshipPpm(), SettlementRules.MILLION);
			long rest = net - a.stewardship().minorUnits();
			long totalWeight = a.shares().stream().mapToLong(Share::weight).sum();
			for (Share s : a.shares()) {
				assertWithinOneUnit(s.amountMinor(), rest, s.weight(), totalWeight);
			}
			if (rest == 0) {
				assertThat(a.shares()).isEmpty();
			} else if (!a.usedNothing()) {
				Person p = period.people().stream().filter(x -> x.id().equals(a.person())).findFirst().orElseThrow();
				assertThat(totalWeight).isEqualTo(p.usage().values().stream().mapToLong(Long::longValue).sum());
			} else if (!a.shares().isEmpty()) {
				assertThat(totalWeight).isEqualTo(fallback.values().stream().mapToLong(Long::longValue).sum());
			}
		}
	}

	/** |part - total * w / sum| < 1, in exact integers: |part * sum - total * w| < sum. */
	static void assertWithinOneUnit(long part, long total, long weight, long sum) {
		BigInteger diff = BigInteger.valueOf(part).multiply(BigInteger.valueOf(sum))
				.subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weight))).abs();
		assertThat(diff).isLessThan(BigInteger.valueOf(sum));
	}

	@Property
	void a_person_with_no_usage_follows_the_governed_fallback(@ForAll @LongRange(min = -5000, max = 500_000) long net,
			@ForAll @IntRange(min = 0, max = 1_000_000) int stewardshipPpm, @ForAll boolean proRata,
			@ForAll boolean othersUsedSomething) {
		SettlementRules rules = new SettlementRules(stewardshipPpm, 100_000, Weighting.ACTIVE_DAYS,
				proRata ? Fallback.PRO_RATA : Fallback.COMMONS_FUND);
		SortedMap<UUID, Long> fallback = new TreeMap<>();
		if (othersUsedSomething) {
			fallback.put(PROVIDERS.get(0), 20L);
			fallback.put(PROVIDERS.get(4), 10L);
		}
		PersonAllocation a = Allocating.allocate(UUID.randomUUID(), new Money(net, AUD), new TreeMap<>(), fallback, rules);
		long rest = net - a.stewardship().minorUnits();
		assertThat(a.usedNothing()).isTrue();
		if (proRata && othersUsedSomething) {
			assertThat(a.commonsFund().isZero()).isTrue();
			assertThat(a.providersTotal()).isEqualTo(rest);
			assertThat(a.shares()).allMatch(Share::fallback);
		} else {
			assertThat(a.shares()).isEmpty();
			assertThat(a.commonsFund().minorUnits()).isEqualTo(rest);
		}
	}

	@Property
	void settlement_is_deterministic_and_independent_of_input_order(@ForAll("periods") Period period,
			@ForAll long seed) {
		List<Person> shuffled = new ArrayList<>(period.people());
		Collections.shuffle(shuffled, new Random(seed));
		assertThat(settle(period, shuffled)).isEqualTo(settle(period, period.people()));
		assertThat(allocateAll(period, shuffled)).containsExactlyInAnyOrderElementsOf(allocateAll(period, period.people()));
	}
}
