package coop.commonscloud.ledger;

import coop.commonscloud.platform.Money;
import java.util.List;
import java.util.Map;

/** The region's double-entry ledger. Append-only: corrections are reversals. */
public interface Ledger {

	PostedTransaction post(LedgerTransaction transaction);

	/** Posts the reversal of an earlier transaction. */
	PostedTransaction reverse(long transactionId, java.time.LocalDate on, String why);

	/** Every account's balance per currency, as of now. */
	Map<LedgerAccount, List<Money>> balances();

	/** All transactions in posting order, for exports. */
	List<PostedTransaction> journal();
}
