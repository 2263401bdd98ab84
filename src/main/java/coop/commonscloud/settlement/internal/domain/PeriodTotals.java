package coop.commonscloud.settlement.internal.domain;

import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.Posting;
import coop.commonscloud.settlement.internal.domain.Allocating.PersonAllocation;
import coop.commonscloud.settlement.internal.domain.Allocating.Share;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A period's totals, summed from the people's allocations, and what follows from them: each
 * provider's gross, land-back levy and payable, the payees' amounts, and the ledger postings of the
 * run. The postings always balance: the payments settled equal stewardship + payables + land-back
 * + commons fund, because every step is an exact split.
 */
public final class PeriodTotals {

	private final Currency currency;
	private long payments;
	private long stewardship;
	private long commonsFund;
	private int people;
	private int peopleUsedNothing;
	private final Map<UUID, ProviderSum> providers = new TreeMap<>();

	public PeriodTotals(Currency currency) {
		this.currency = currency;
	}

	/** Usage-weighted and fallback gross of one provider, with how many people and how much usage. */
	public static final class ProviderSum {
		long usageGross;
		long fallbackGross;
		int people;
		long weight;
	}

	public void add(PersonAllocation a) {
		payments += a.net().minorUnits();
		stewardship += a.stewardship().minorUnits();
		commonsFund += a.commonsFund().minorUnits();
		people++;
		if (a.usedNothing() && (a.providersTotal() != 0 || !a.commonsFund().isZero())) { // followed the fallback
			peopleUsedNothing++;
		}
		for (Share s : a.shares()) {
			ProviderSum sum = providers.computeIfAbsent(s.provider(), p -> new ProviderSum());
			if (s.fallback()) {
				sum.fallbackGross += s.amountMinor();
			} else {
				sum.usageGross += s.amountMinor();
				sum.people++;
				sum.weight += s.weight();
			}
		}
	}

	/** Adds totals read back from stored lines (a run resumed after a crash sums what it stored). */
	public void addStored(long paymentsMinor, long stewardshipMinor, long fundMinor, int peopleCount, int usedNothing) {
		payments += paymentsMinor;
		stewardship += stewardshipMinor;
		commonsFund += fundMinor;
		people += peopleCount;
		peopleUsedNothing += usedNothing;
	}

	public void addStoredProvider(UUID provider, long usageGross, long fallbackGross, int peopleCount, long weight) {
		ProviderSum sum = providers.computeIfAbsent(provider, p -> new ProviderSum());
		sum.usageGross += usageGross;
		sum.fallbackGross += fallbackGross;
		sum.people += peopleCount;
		sum.weight += weight;
	}

	public Result finish(Predicate<UUID> settlerRun, List<Levying.Payee> payees, SettlementRules rules) {
		List<ProviderResult> results = new ArrayList<>();
		long levyTotal = 0;
		for (Map.Entry<UUID, ProviderSum> e : providers.entrySet()) {
			ProviderSum s = e.getValue();
			long gross = s.usageGross + s.fallbackGross;
			boolean settler = settlerRun.test(e.getKey());
			long levy = Levying.levy(gross, settler, rules);
			levyTotal += levy;
			results.add(new ProviderResult(e.getKey(), settler, s.usageGross, s.fallbackGross, gross, levy, gross - levy,
					s.people, s.weight));
		}
		long[] payeeParts = Levying.amongPayees(levyTotal, payees);
		List<PayeeResult> payeeResults = new ArrayList<>();
		for (int i = 0; i < payeeParts.length; i++) {
			payeeResults.add(new PayeeResult(payees.get(i), payeeParts[i]));
		}
		return new Result(currency, payments, stewardship, commonsFund, levyTotal, people, peopleUsedNothing,
				List.copyOf(results), List.copyOf(payeeResults));
	}

	public record ProviderResult(UUID provider, boolean settlerRun, long usageGross, long fallbackGross, long gross,
			long levy, long payable, int people, long weight) {
	}

	public record PayeeResult(Levying.Payee payee, long amountMinor) {

		public LedgerAccount account() {
			return new LedgerAccount(LedgerAccount.LAND_BACK_PAYABLE.name() + ":" + payee.code());
		}
	}

	/** A period's settlement in totals: no personal data. */
	public record Result(Currency currency, long payments, long stewardship, long commonsFund, long landBack, int people,
			int peopleUsedNothing, List<ProviderResult> providers, List<PayeeResult> payees) {

		public long providersPayable() {
			return providers.stream().mapToLong(ProviderResult::payable).sum();
		}

		public long fallbackToProviders() {
			return providers.stream().mapToLong(ProviderResult::fallbackGross).sum();
		}

		public Money money(long minor) {
			return new Money(minor, currency);
		}

		/**
		 * The run's ledger postings: the payments leave Liabilities:UnsettledPayments and go to
		 * stewardship income, the providers' payables, the land-back payees and the commons fund.
		 * Zero legs are left out.
		 */
		public List<Posting> postings() {
			List<Posting> postings = new ArrayList<>();
			add(postings, LedgerAccount.UNSETTLED_PAYMENTS, payments);
			add(postings, LedgerAccount.STEWARDSHIP_INCOME, -stewardship);
			for (ProviderResult p : providers) {
				add(postings, LedgerAccount.providerPayable(p.provider()), -p.payable());
			}
			for (PayeeResult p : payees) {
				add(postings, p.account(), -p.amountMinor());
			}
			add(postings, LedgerAccount.FALLBACK_FUND, -commonsFund);
			return postings;
		}

		private void add(List<Posting> postings, LedgerAccount account, long minor) {
			if (minor != 0) {
				postings.add(new Posting(account, new Money(minor, currency)));
			}
		}
	}
}
