package coop.commonscloud.ledger;

import coop.commonscloud.platform.Money;
import java.util.Objects;

/** One leg of a transaction: a positive amount debits the account, a negative amount credits it. */
public record Posting(LedgerAccount account, Money amount) {

	public Posting {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(amount, "amount");
	}
}
