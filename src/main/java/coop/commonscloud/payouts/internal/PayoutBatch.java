package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * What one provider is paid for one period, to the account it had when the batch was made. Posted to
 * the ledger when made; never changed after; corrected only by a reversal.
 */
record PayoutBatch(long id, String reference, YearMonth period, UUID partnerId, Money amount,
		BankDetails.AustralianAccount australian, BankDetails.SepaAccount sepa, long ledgerTransactionId, Status status,
		Long exportId, Long reversalTransactionId, String reversalReason, Instant createdAt, String createdBy) {

	enum Status {
		CREATED, EXPORTED, REVERSED
	}

	/** The account number as a page may show it: only its last three characters. */
	public String maskedAccount() {
		String account = australian != null ? australian.bsb() + " " + australian.accountNumber() : sepa.iban();
		return "…" + account.substring(Math.max(0, account.length() - 3));
	}
}
