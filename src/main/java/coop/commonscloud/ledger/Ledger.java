package coop.commonscloud.ledger;

import coop.commonscloud.platform.Money;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The region's double-entry ledger. Append-only: corrections are reversals. */
public interface Ledger {

	PostedTransaction post(LedgerTransaction transaction);

	/** Posts the reversal of an earlier transaction. */
	PostedTransaction reverse(long transactionId, java.time.LocalDate on, String why);

	/** Every account's balance per currency, as of now. */
	Map<LedgerAccount, List<Money>> balances();

	/** One account's balance in one currency, as of now: zero when nothing was posted to it. */
	Money balance(LedgerAccount account, Currency currency);

	/** Whether a transaction with this cause has been posted. */
	boolean isPosted(Cause cause);

	/**
	 * What the transactions with this cause moved, per account and currency in account order, net of
	 * their reversals. Later parts of the same cause count too: a reference followed by a non-digit
	 * suffix, such as {@code settlement-2026-10/2} for {@code settlement-2026-10}.
	 */
	Map<LedgerAccount, List<Money>> netPostings(Cause cause);

	/** All transactions in posting order, for exports. */
	List<PostedTransaction> journal();
}
