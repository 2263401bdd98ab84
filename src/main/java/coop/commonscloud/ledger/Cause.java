package coop.commonscloud.ledger;

import coop.commonscloud.platform.InvalidInput;

/**
 * Why a transaction exists: a payment, a refund, a settlement run, a payout to a provider, or the
 * reversal of an earlier transaction.
 */
public record Cause(Kind kind, String reference) {

	public enum Kind {
		PAYMENT, REFUND, SETTLEMENT_RUN, PAYOUT, REVERSAL
	}

	public Cause {
		if (kind == null || reference == null || reference.isBlank() || reference.length() > 200) {
			throw new InvalidInput("A transaction needs its cause: a kind and a reference of 1 to 200 characters");
		}
	}
}
