package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/**
 * Where a provider wants its payouts: an Australian account (BSB, account number, account name) for
 * ABA files, a European account (IBAN, BIC, holder) for SEPA credit transfers, or both. Private: only
 * the partner's own admins and the stewards see it.
 */
record BankDetails(UUID partnerId, AustralianAccount australian, SepaAccount sepa, Instant updatedAt, String updatedBy) {

	private static final Pattern BSB = Pattern.compile("[0-9]{3}-?[0-9]{3}");
	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{1,9}");

	/** An Australian bank account as an ABA detail record needs it. */
	record AustralianAccount(String bsb, String accountNumber, String accountName) {
	}

	/** A European bank account as a SEPA credit transfer needs it. */
	record SepaAccount(String iban, String bic, String holder) {
	}

	boolean has(String currency) {
		return "AUD".equals(currency) ? australian != null : sepa != null;
	}

	/**
	 * Reads and checks what a partner admin typed; every problem is reported at once. Blank groups are
	 * left out, but at least one account is needed. BSBs come back as NNN-NNN, IBANs without spaces.
	 */
	static BankDetails of(UUID partnerId, String bsb, String accountNumber, String accountName, String iban, String bic,
			String holder, Instant at, String by) {
		List<String> problems = new ArrayList<>();
		AustralianAccount australian = null;
		SepaAccount sepa = null;
		if (!blank(bsb) || !blank(accountNumber) || !blank(accountName)) {
			String b = strip(bsb);
			String number = strip(accountNumber).replace(" ", "");
			String name = strip(accountName);
			if (!BSB.matcher(b).matches()) {
				problems.add("Write the BSB as six digits, such as 062-000");
			}
			if (!ACCOUNT_NUMBER.matcher(number).matches()) {
				problems.add("An Australian account number is 1 to 9 digits");
			}
			if (name.isEmpty() || name.length() > 32 || !AbaText.allowed(name)) {
				problems.add("The account name is 1 to 32 characters: letters, digits, spaces and & ' ( ) * + , - . /");
			}
			if (problems.isEmpty()) {
				australian = new AustralianAccount(b.length() == 6 ? b.substring(0, 3) + "-" + b.substring(3) : b, number, name);
			}
		}
		if (!blank(iban) || !blank(bic) || !blank(holder)) {
			int before = problems.size();
			String i = strip(iban).replace(" ", "").toUpperCase(Locale.ROOT);
			String c = strip(bic).replace(" ", "").toUpperCase(Locale.ROOT);
			String h = strip(holder);
			try {
				IbanUtil.validate(i);
			} catch (Iban4jException e) {
				problems.add("The IBAN '" + i + "' is not valid (" + e.getMessage() + "); copy it from a bank statement");
			}
			try {
				BicUtil.validate(c);
			} catch (BicFormatException e) {
				problems.add("The BIC '" + c + "' is not valid: 8 or 11 letters and digits, such as GENODEM1GLS");
			} catch (Iban4jException e) {
				problems.add("The BIC '" + c + "' is not valid (" + e.getMessage() + ")");
			}
			if (h.isEmpty() || h.length() > 70) {
				problems.add("The account holder is 1 to 70 characters");
			}
			if (problems.size() == before) {
				sepa = new SepaAccount(i, c, h);
			}
		}
		if (problems.isEmpty() && australian == null && sepa == null) {
			problems.add("Give an Australian account (BSB, account number, account name) or a European one (IBAN, BIC, holder)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new BankDetails(partnerId, australian, sepa, at, by);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}
}
