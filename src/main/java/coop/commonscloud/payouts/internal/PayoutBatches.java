package coop.commonscloud.payouts.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.Posting;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.PartnerId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making one payout batch per period per provider from what the period's settlement credited to the
 * provider's payable, posting it to the ledger (debit the payable, credit cash), and reversing it.
 */
@Service
@RequiredArgsConstructor
class PayoutBatches {

	private static final Pattern PROVIDER_PAYABLE = Pattern.compile("Liabilities:Providers:P([0-9a-f-]{36})");

	private final PayoutStore store;
	private final BankDetailsStore bankDetails;
	private final Ledger ledger;
	private final Partners partners;
	private final Caller caller;
	private final Clock clock;

	/** What one call made, and each provider it could not pay yet with the reason. */
	record Outcome(List<PayoutBatch> created, List<PayoutBatch> existing, List<String> skipped) {
	}

	/**
	 * Makes the period's batches. Idempotent: a provider that already has a live batch for the period
	 * gets no second one and no second ledger posting; calls for one period run one at a time.
	 */
	@Transactional
	Outcome create(YearMonth period) {
		caller.requireSteward();
		store.lockPeriod(period);
		List<PayoutBatch> created = new ArrayList<>();
		List<PayoutBatch> existing = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (PeriodCredit credit : settlementCredits(period)) {
			var live = store.live(period, credit.partnerId());
			if (live.isPresent()) {
				existing.add(live.get());
				continue;
			}
			String name = partners.findBy(new PartnerId(credit.partnerId())).map(p -> p.legalName())
					.orElse("partner " + credit.partnerId());
			String currency = credit.amount().currency().getCurrencyCode();
			var bank = bankDetails.find(credit.partnerId()).filter(b -> b.has(currency));
			if (!"AUD".equals(currency) && !"EUR".equals(currency)) {
				skipped.add(name + ": payouts are made in AUD (ABA) or EUR (SEPA), not " + currency);
			} else if (bank.isEmpty()) {
				skipped.add(name + ": no " + ("AUD".equals(currency) ? "Australian (BSB)" : "IBAN") + " bank account on record");
			} else if (outstanding(credit) < credit.amount().minorUnits()) {
				skipped.add(name + ": the payable's balance is less than the period's credit of " + credit.amount()
						+ "; check the ledger before paying");
			} else {
				created.add(make(period, credit, name, bank.get()));
			}
		}
		return new Outcome(created, existing, skipped);
	}

	/** A provider's credit from one period's settlement run, net of reversals of that run. */
	record PeriodCredit(UUID partnerId, Money amount) {
	}

	/**
	 * What the period's settlement run (cause SETTLEMENT_RUN, "settlement-YYYY-MM", and its later
	 * parts) credited to each provider's payable, less any reversals of it. Only positive credits, by partner.
	 */
	private List<PeriodCredit> settlementCredits(YearMonth period) {
		List<PeriodCredit> credits = new ArrayList<>();
		ledger.netPostings(new Cause(Cause.Kind.SETTLEMENT_RUN, "settlement-" + period)).forEach((account, amounts) -> {
			Matcher m = PROVIDER_PAYABLE.matcher(account.name());
			if (m.matches()) {
				amounts.stream().filter(Money::isNegative)
						.forEach(net -> credits.add(new PeriodCredit(UUID.fromString(m.group(1)), net.negated())));
			}
		});
		return credits;
	}

	/** What the region owes the provider now, in the credit's currency (the payable's credit balance). */
	private long outstanding(PeriodCredit credit) {
		return -ledger.balance(LedgerAccount.providerPayable(credit.partnerId()), credit.amount().currency()).minorUnits();
	}

	private PayoutBatch make(YearMonth period, PeriodCredit credit, String name, BankDetails bank) {
		int earlier = store.reversedCount(period, credit.partnerId());
		String reference = "P" + period.toString().replace("-", "") + "-"
				+ credit.partnerId().toString().substring(0, 8).toUpperCase(Locale.ROOT) + (earlier == 0 ? "" : "-" + (earlier + 1));
		var posted = ledger.post(new LedgerTransaction(LocalDate.now(clock), new Cause(Cause.Kind.PAYOUT, reference),
				"Payout " + reference + " to " + name + " for " + period,
				List.of(new Posting(LedgerAccount.providerPayable(credit.partnerId()), credit.amount()),
						new Posting(LedgerAccount.CASH, credit.amount().negated()))));
		return store.insert(reference, period, credit.partnerId(), credit.amount(), bank, posted.id(), caller.actor());
	}

	/** Reverses a batch, exported or not, with a reversing ledger transaction; the period may then be paid again. */
	@Transactional
	PayoutBatch reverse(long batchId, String why) {
		caller.requireSteward();
		if (why == null || why.isBlank()) {
			throw new InvalidInput("Say why the payout is reversed");
		}
		PayoutBatch batch = store.batch(batchId).orElseThrow(() -> new NotFound("There is no payout batch " + batchId));
		if (batch.status() == PayoutBatch.Status.REVERSED) {
			throw new Conflict("Payout batch " + batch.reference() + " has already been reversed");
		}
		var reversal = ledger.reverse(batch.ledgerTransactionId(), LocalDate.now(clock),
				"payout " + batch.reference() + ": " + why.strip());
		store.markReversed(batchId, reversal.id(), why.strip());
		return store.batch(batchId).orElseThrow();
	}

	@Transactional(readOnly = true)
	List<PayoutBatch> ofPeriod(YearMonth period) {
		caller.requireSteward();
		return store.ofPeriod(period);
	}

	@Transactional(readOnly = true)
	List<PayoutBatch> ofPartner(UUID partnerId) {
		caller.requireManages(new PartnerId(partnerId));
		return store.ofPartner(partnerId);
	}

	@Transactional(readOnly = true)
	List<YearMonth> periods() {
		caller.requireSteward();
		return store.periods();
	}
}
