package coop.commonscloud.ledger;

import java.util.Currency;
import java.util.Objects;

/**
 * The currency the region keeps its books in, from the setting {@code commonscloud.currency}
 * (AUD unless set): the ledger export's operating currency, and what pages show when nothing else says.
 */
public record OperatingCurrency(Currency currency) {

	public OperatingCurrency {
		Objects.requireNonNull(currency, "currency");
	}

	public String code() {
		return currency.getCurrencyCode();
	}
}
