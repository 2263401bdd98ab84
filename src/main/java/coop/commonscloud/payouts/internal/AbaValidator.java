package coop.commonscloud.payouts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Re-reads an ABA file and says everything wrong with it: line ends, record lengths and types, field
 * formats, and whether the type 7 record's net, credit and debit totals and count match the detail
 * records. An empty list means the file is sound.
 */
final class AbaValidator {

	private static final Pattern BSB = Pattern.compile("[0-9]{3}-[0-9]{3}");
	private static final Pattern DIGITS = Pattern.compile("[0-9]+");
	private static final List<String> CREDIT_CODES = List.of("50", "51", "52", "53", "54", "55", "56", "57");

	private AbaValidator() {
	}

	static List<String> problems(String file) {
		List<String> problems = new ArrayList<>();
		if (file.isEmpty()) {
			return List.of("The file is empty");
		}
		if (!file.endsWith("\r\n")) {
			problems.add("The file does not end with CR LF");
		}
		String[] records = file.split("\r\n", -1);
		int n = records.length - (file.endsWith("\r\n") ? 1 : 0);
		long credits = 0;
		long debits = 0;
		int details = 0;
		String total = null;
		for (int i = 0; i < n; i++) {
			String r = records[i];
			int number = i + 1;
			if (r.indexOf('\n') >= 0 || r.indexOf('\r') >= 0) {
				problems.add("Record " + number + " has a line end other than CR LF");
			}
			if (r.length() != AbaFile.RECORD_LENGTH) {
				problems.add("Record " + number + " is " + r.length() + " characters long, not 120");
				continue;
			}
			char type = r.charAt(0);
			if (i == 0 && type != '0') {
				problems.add("The first record is of type " + type + ", not 0 (descriptive)");
			} else if (i == n - 1 && type != '7') {
				problems.add("The last record is of type " + type + ", not 7 (file total)");
			} else if (i > 0 && i < n - 1 && type != '1') {
				problems.add("Record " + number + " is of type " + type + "; between the first and last only type 1 may stand");
			}
			if (type == '0' && !DIGITS.matcher(r.substring(74, 80)).matches()) {
				problems.add("Record " + number + ": the processing date is not DDMMYY");
			}
			if (type == '1' && i > 0 && i < n - 1) {
				details++;
				String code = r.substring(18, 20);
				String amount = r.substring(20, 30);
				if (!BSB.matcher(r.substring(1, 8)).matches() || !BSB.matcher(r.substring(80, 87)).matches()) {
					problems.add("Record " + number + ": a BSB is not NNN-NNN");
				}
				if (!r.substring(8, 17).strip().matches("[0-9]{1,9}") || !r.substring(87, 96).strip().matches("[0-9]{1,9}")) {
					problems.add("Record " + number + ": an account number is not 1 to 9 digits");
				}
				if (!DIGITS.matcher(amount).matches()) {
					problems.add("Record " + number + ": the amount '" + amount + "' is not ten digits");
				} else if (CREDIT_CODES.contains(code)) {
					credits += Long.parseLong(amount);
				} else if (code.equals("13")) {
					debits += Long.parseLong(amount);
				} else {
					problems.add("Record " + number + ": '" + code + "' is not a transaction code (13 or 50 to 57)");
				}
			}
			if (type == '7' && i == n - 1) {
				total = r;
			}
		}
		if (total != null) {
			if (!total.startsWith("7999-999")) {
				problems.add("The file total record does not carry BSB 999-999");
			}
			check(problems, "net total", total.substring(20, 30), Math.abs(credits - debits));
			check(problems, "credit total", total.substring(30, 40), credits);
			check(problems, "debit total", total.substring(40, 50), debits);
			check(problems, "count of detail records", total.substring(74, 80), details);
		}
		return problems;
	}

	private static void check(List<String> problems, String what, String field, long expected) {
		if (!DIGITS.matcher(field).matches()) {
			problems.add("The " + what + " '" + field + "' in the file total record is not a number");
		} else if (Long.parseLong(field) != expected) {
			problems.add("The " + what + " in the file total record is " + Long.parseLong(field) + " but the records give "
					+ expected);
		}
	}
}
