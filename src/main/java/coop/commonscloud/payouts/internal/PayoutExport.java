package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.Money;
import java.time.Instant;
import java.time.YearMonth;

/** A payout file as it was handed to the bank: stored, so every download is the same bytes. */
record PayoutExport(long id, YearMonth period, Format format, int batches, Money total, String sha256, Instant createdAt,
		String createdBy) {

	enum Format {
		/** Australian Direct Entry, for AUD. */
		ABA("AUD", "aba", "text/plain"),
		/** SEPA credit transfer, for EUR. */
		PAIN001("EUR", "xml", "application/xml");

		final String currency;
		final String extension;
		final String mediaType;

		Format(String currency, String extension, String mediaType) {
			this.currency = currency;
			this.extension = extension;
			this.mediaType = mediaType;
		}
	}

	public String filename() {
		return "payouts-" + period + "-" + id + "." + format.extension;
	}
}
