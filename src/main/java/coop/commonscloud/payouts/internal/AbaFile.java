package coop.commonscloud.payouts.internal;

import static coop.commonscloud.payouts.internal.AbaText.left;
import static coop.commonscloud.payouts.internal.AbaText.rightBlank;
import static coop.commonscloud.payouts.internal.AbaText.zeros;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an Australian Direct Entry (ABA, "Cemtext") file: a type 0 descriptive record, one type 1
 * detail record per credit, an optional balancing debit to the region's own account, and the type 7
 * file total record. Every record is exactly 120 characters and ends with CR LF. Written by hand: no
 * maintained Java library for the format is published on Maven Central.
 */
final class AbaFile {

	static final int RECORD_LENGTH = 120;
	static final String CREDIT = "50";
	static final String DEBIT = "13";
	private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

	/** The region's own account and its direct entry user details, from configuration. */
	record Remitter(String financialInstitution, String userName, String userId, String description, String bsb,
			String accountNumber, String accountName, String remitterName, boolean balancingRecord) {
	}

	/** One credit to a provider. */
	record Credit(String bsb, String accountNumber, String accountName, long cents, String lodgementReference) {
	}

	private AbaFile() {
	}

	static String write(Remitter remitter, LocalDate processingDate, List<Credit> credits) {
		StringBuilder out = new StringBuilder();
		line(out, "0" + " ".repeat(17) + "01" + left(remitter.financialInstitution(), 3) + " ".repeat(7)
				+ left(remitter.userName(), 26) + zeros(Long.parseLong(remitter.userId()), 6) + left(remitter.description(), 12)
				+ processingDate.format(DDMMYY) + " ".repeat(40));
		long credited = 0;
		for (Credit credit : credits) {
			line(out, detail(remitter, credit.bsb(), credit.accountNumber(), CREDIT, credit.cents(), credit.accountName(),
					credit.lodgementReference()));
			credited = Math.addExact(credited, credit.cents());
		}
		long debited = 0;
		int count = credits.size();
		if (remitter.balancingRecord()) {
			line(out, detail(remitter, remitter.bsb(), remitter.accountNumber(), DEBIT, credited, remitter.accountName(),
					left(remitter.description(), 12).strip() + " " + processingDate.format(DDMMYY)));
			debited = credited;
			count++;
		}
		line(out, "7" + "999-999" + " ".repeat(12) + zeros(Math.abs(credited - debited), 10) + zeros(credited, 10)
				+ zeros(debited, 10) + " ".repeat(24) + zeros(count, 6) + " ".repeat(40));
		return out.toString();
	}

	private static String detail(Remitter remitter, String bsb, String account, String code, long cents, String title,
			String reference) {
		return "1" + bsb + rightBlank(account, 9) + " " + code + zeros(cents, 10) + left(title, 32) + left(reference, 18)
				+ remitter.bsb() + rightBlank(remitter.accountNumber(), 9) + left(remitter.remitterName(), 16) + zeros(0, 8);
	}

	private static void line(StringBuilder out, String record) {
		if (record.length() != RECORD_LENGTH) {
			throw new IllegalStateException("An ABA record came out " + record.length() + " characters long: " + record);
		}
		out.append(record).append("\r\n");
	}
}
