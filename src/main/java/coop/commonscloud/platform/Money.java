package coop.commonscloud.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a whole number of minor units (cents) in an ISO 4217 currency. Never a
 * floating-point number. Arithmetic refuses to mix currencies and to overflow.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (currency.getDefaultFractionDigits() < 0) {
			throw new InvalidInput("Currency " + currency.getCurrencyCode() + " has no minor unit and cannot be used for payments");
		}
	}

	public static Money of(long minorUnits, String currencyCode) {
		return new Money(minorUnits, currency(currencyCode));
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	/** Reads a decimal amount such as {@code 40.00}; more decimals than the currency has are refused. */
	public static Money parse(String amount, String currencyCode) {
		Currency currency = currency(currencyCode);
		try {
			BigDecimal decimal = new BigDecimal(amount.strip());
			BigDecimal minor = decimal.movePointRight(currency.getDefaultFractionDigits());
			return new Money(minor.longValueExact(), currency);
		} catch (NumberFormatException | ArithmeticException | NullPointerException e) {
			throw new InvalidInput("'" + amount + "' is not an amount in " + currencyCode + " with at most "
					+ currency.getDefaultFractionDigits() + " decimals");
		}
	}

	private static Currency currency(String code) {
		try {
			return Currency.getInstance(code);
		} catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidInput("'" + code + "' is not an ISO 4217 currency code");
		}
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
	}

	public Money negated() {
		return new Money(Math.negateExact(minorUnits), currency);
	}

	public boolean isZero() {
		return minorUnits == 0;
	}

	public boolean isNegative() {
		return minorUnits < 0;
	}

	/** The amount as a decimal, e.g. 40.00, for display and exports. */
	public BigDecimal amount() {
		return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
		}
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return Long.compare(minorUnits, other.minorUnits);
	}

	@Override
	public String toString() {
		return currency.getCurrencyCode() + " " + amount().toPlainString();
	}
}
