package coop.commonscloud.settlement.internal;

import coop.commonscloud.billing.Payments;
import coop.commonscloud.billing.PersonPayments;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import coop.commonscloud.platform.Money;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;

/**
 * Billing's {@link Payments} and metering's {@link Usage} for settlement tests: in-memory per
 * period, filled by each test. They are other modules' APIs, implemented on another branch; here
 * they are {@code @Primary} so that, once the real ones are merged in, settlement tests still feed
 * their own hand-made data while the application uses the real ones.
 */
@TestConfiguration(proxyBeanMethods = false)
@Primary
public class SettlementTestSources implements Payments, Usage {

	/** Past periods, unique in this JVM's database, whose parameters no other test changes. */
	private static final AtomicInteger NEXT = new AtomicInteger();

	public static YearMonth uniquePeriod() {
		return YearMonth.of(1971, 1).plusMonths(NEXT.getAndIncrement());
	}

	private final Map<YearMonth, Map<UUID, Long>> payments = new ConcurrentHashMap<>();
	private final Map<YearMonth, Map<UUID, List<OfferingUsage>>> usage = new ConcurrentHashMap<>();

	public void pay(YearMonth period, UUID person, long cents) {
		payments.computeIfAbsent(period, p -> new ConcurrentHashMap<>()).merge(person, cents, Long::sum);
	}

	public void use(YearMonth period, UUID person, String offering, int activeDays, long units) {
		usage.computeIfAbsent(period, p -> new ConcurrentHashMap<>())
				.computeIfAbsent(person, p -> new ArrayList<>())
				.add(new OfferingUsage(new OfferingId(UUID.fromString(offering)), activeDays, units));
	}

	@Override
	public void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
		new TreeMap<>(payments.getOrDefault(period, Map.of()))
				.forEach((person, cents) -> sink.accept(new PersonPayments(person, Money.of(cents, "AUD"))));
	}

	@Override
	public PersonUsage usedBy(UUID person) {
		Map<OfferingId, OfferingUsage> total = new TreeMap<>(java.util.Comparator.comparing(OfferingId::value));
		usage.values().forEach(period -> period.getOrDefault(person, List.of()).forEach(used -> total.merge(used.offering(), used,
				(a, b) -> new OfferingUsage(a.offering(), a.activeDays() + b.activeDays(), a.reportedUnits() + b.reportedUnits()))));
		return new PersonUsage(person, List.copyOf(total.values()));
	}

	@Override
	public void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
		new TreeMap<>(usage.getOrDefault(period, Map.of())).forEach((person, used) -> sink.accept(new PersonUsage(person,
				used.stream().sorted(java.util.Comparator.comparing(o -> o.offering().value())).toList())));
	}
}
