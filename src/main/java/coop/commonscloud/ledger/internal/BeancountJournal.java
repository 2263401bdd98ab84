package coop.commonscloud.ledger.internal;

import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the ledger as a Beancount journal: an {@code open} for each account on the day it is
 * first used, every transaction with its cause as metadata, and a {@code balance} assertion per
 * account and currency on the day after the last entry, carrying the app's own balances. So
 * {@code bean-check} accepting the file proves both that it is well formed and that Beancount's
 * balances equal the app's to the cent (the assertions carry a zero tolerance).
 */
public final class BeancountJournal {

	private BeancountJournal() {
	}

	public static String write(String title, String operatingCurrency, List<PostedTransaction> journal,
			Map<LedgerAccount, List<Money>> balances) {
		StringBuilder out = new StringBuilder();
		out.append("option \"title\" ").append(quote(title)).append('\n');
		out.append("option \"operating_currency\" ").append(quote(operatingCurrency)).append("\n\n");

		Map<String, LocalDate> opened = new TreeMap<>();
		LocalDate last = LocalDate.of(1970, 1, 1);
		for (PostedTransaction posted : journal) {
			LocalDate date = posted.transaction().date();
			last = date.isAfter(last) ? date : last;
			for (Posting p : posted.transaction().postings()) {
				opened.merge(p.account().name(), date, (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		opened.forEach((account, date) -> out.append(date).append(" open ").append(account).append('\n'));
		out.append('\n');

		for (PostedTransaction posted : journal) {
			var t = posted.transaction();
			out.append(t.date()).append(" * ").append(quote(t.cause().kind() + " " + t.cause().reference())).append(' ')
					.append(quote(t.description())).append('\n');
			out.append("  ledger-id: \"").append(posted.id()).append("\"\n");
			out.append("  posted-by: ").append(quote(posted.postedBy())).append('\n');
			for (Posting p : t.postings()) {
				out.append("  ").append(pad(p.account().name(), 50)).append(' ')
						.append(amount(p.amount())).append('\n');
			}
			out.append('\n');
		}

		LocalDate assertOn = last.plusDays(1);
		// "~ 0" makes the assertion exact: Beancount's inferred tolerance would let a cent slip through
		balances.forEach((account, amounts) -> amounts.forEach(money -> out.append(assertOn).append(" balance ")
				.append(pad(account.name(), 50)).append(' ').append(String.format("%15s ~ 0 %s",
						money.amount().toPlainString(), money.currency().getCurrencyCode())).append('\n')));
		return out.toString();
	}

	private static String amount(Money money) {
		return String.format("%15s %s", money.amount().toPlainString(), money.currency().getCurrencyCode());
	}

	private static String pad(String s, int width) {
		return s.length() >= width ? s : s + " ".repeat(width - s.length());
	}

	/** A Beancount string: double quotes, with backslashes and quotes escaped and no line breaks. */
	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
	}
}
