package coop.commonscloud.ledger;

import java.time.Instant;

/** A transaction as the ledger holds it. */
public record PostedTransaction(long id, LedgerTransaction transaction, Instant postedAt, String postedBy) {
}
