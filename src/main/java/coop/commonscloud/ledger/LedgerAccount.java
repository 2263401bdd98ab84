package coop.commonscloud.ledger;

import coop.commonscloud.platform.InvalidInput;
import java.util.regex.Pattern;

/**
 * A ledger account, named the way Beancount names accounts so exports read as they are:
 * {@code Assets:Cash}, {@code Liabilities:Providers:CoopA}, {@code Income:Stewardship}.
 */
public record LedgerAccount(String name) {

	private static final Pattern FORM = Pattern.compile("(Assets|Liabilities|Equity|Income|Expenses)(:[A-Z0-9][A-Za-z0-9-]*)+");

	public static final LedgerAccount CASH = new LedgerAccount("Assets:Cash");
	public static final LedgerAccount STEWARDSHIP_INCOME = new LedgerAccount("Income:Stewardship");
	public static final LedgerAccount LAND_BACK_PAYABLE = new LedgerAccount("Liabilities:LandBack");
	public static final LedgerAccount FALLBACK_FUND = new LedgerAccount("Liabilities:FallbackFund");
	public static final LedgerAccount UNSETTLED_PAYMENTS = new LedgerAccount("Liabilities:UnsettledPayments");

	public LedgerAccount {
		if (name == null || name.length() > 200 || !FORM.matcher(name).matches()) {
			throw new InvalidInput("A ledger account is a root (Assets, Liabilities, Equity, Income, Expenses) and "
					+ "capitalised components joined by ':', such as Liabilities:Providers:CoopA; got '" + name + "'");
		}
	}

	/**
	 * The payable account of one provider (partner): {@code Liabilities:Providers:P} followed by the
	 * partner's id, so it is stable when the partner is renamed. Settlement credits it, payouts debit it.
	 */
	public static LedgerAccount providerPayable(java.util.UUID partnerId) {
		return new LedgerAccount("Liabilities:Providers:P" + partnerId);
	}

	/** The payable account of one provider, named by a stable short code. */
	public static LedgerAccount providerPayable(String providerCode) {
		return new LedgerAccount("Liabilities:Providers:" + providerCode);
	}

	public AccountKind kind() {
		return AccountKind.valueOf(name.substring(0, name.indexOf(':')).toUpperCase(java.util.Locale.ROOT));
	}

	@Override
	public String toString() {
		return name;
	}
}
