package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.IncomingPayment;
import coop.commonscloud.billing.PaymentIntake;
import coop.commonscloud.billing.PaymentSource;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank-statement CSV import: a header row naming the columns {@code Date} (2026-11-03 or
 * 03/11/2026), {@code Amount} (credits positive), {@code Description} and {@code Transaction ID}.
 * A credit whose description holds a payer's reference is recorded as their payment; one without a
 * known reference is kept as unmatched for a steward; debits are listed and not recorded. The
 * bank's transaction id is the payment's reference, so importing the same statement again records
 * nothing new. The whole file is checked first: one unreadable line and nothing is recorded.
 */
@Component
class BankStatementImport implements PaymentSource {

	static final String NAME = "bank-csv";

	public record Line(int number, LocalDate date, Money amount, String description, String transactionId) {
	}

	public record Matched(Line line, UUID person, UUID paymentId) {
	}

	public record Result(String fileName, List<Matched> matched, List<Line> duplicates, List<Line> unmatched,
			List<Line> stillUnmatched, List<Line> debits) {

		public String summary() {
			if (matched.isEmpty() && unmatched.isEmpty()) {
				return "Nothing new: " + duplicates.size() + " payments were already recorded, " + stillUnmatched.size()
						+ " lines were already listed as unmatched, " + debits.size() + " debits were skipped.";
			}
			return matched.size() + " payments recorded, " + duplicates.size() + " already recorded (duplicates), "
					+ unmatched.size() + " new unmatched lines listed for a steward, " + stillUnmatched.size()
					+ " already listed as unmatched, " + debits.size() + " debits skipped.";
		}
	}

	public record Unmatched(String transactionId, LocalDate bookedOn, Money amount, String description, String fileName) {
	}

	private static final List<String> DATE = List.of("date", "booked", "booking date", "transaction date");
	private static final List<String> AMOUNT = List.of("amount", "credit amount");
	private static final List<String> DESCRIPTION = List.of("description", "reference", "narrative", "details", "memo");
	private static final List<String> TRANSACTION = List.of("transaction id", "transaction_id", "bank transaction id", "id",
			"transaction reference");
	private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

	private final PaymentIntake intake;
	private final PaymentReferences references;
	private final Payers payers;
	private final PaymentStore store;
	private final Caller caller;
	private final String currency;

	BankStatementImport(PaymentIntake intake, PaymentReferences references, Payers payers, PaymentStore store, Caller caller,
			@Value("${commonscloud.billing.currency:AUD}") String currency) {
		this.intake = intake;
		this.references = references;
		this.payers = payers;
		this.store = store;
		this.caller = caller;
		this.currency = currency;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Transactional
	Result importStatement(String fileName, String csv) {
		caller.requireSteward();
		List<Line> lines = parse(csv);
		List<Matched> matched = new ArrayList<>();
		List<Line> duplicates = new ArrayList<>();
		List<Line> unmatched = new ArrayList<>();
		List<Line> stillUnmatched = new ArrayList<>();
		List<Line> debits = new ArrayList<>();
		for (Line line : lines) {
			if (line.amount().minorUnits() <= 0) {
				debits.add(line);
				continue;
			}
			Optional<UUID> payer = references.payerIn(line.description());
			if (payer.isPresent()) {
				PaymentIntake.Outcome outcome = intake.receive(this, new IncomingPayment(payer.get(), line.amount(), line.date(),
						line.transactionId(), "bank transfer", line.description()));
				if (outcome instanceof PaymentIntake.Outcome.Recorded recorded) {
					matched.add(new Matched(line, payer.get(), recorded.paymentId()));
				} else {
					duplicates.add(line);
				}
			} else if (alreadyPaid(line.transactionId())) {
				duplicates.add(line); // a line a steward assigned to a payer after an earlier import
			} else if (keepUnmatched(fileName, line)) {
				unmatched.add(line);
			} else {
				stillUnmatched.add(line);
			}
		}
		return new Result(fileName, matched, duplicates, unmatched, stillUnmatched, debits);
	}

	/** The unmatched lines that no steward has assigned yet, oldest first. */
	List<Unmatched> unmatched() {
		return store.unassignedBankLines(NAME);
	}

	/** A steward says whose payment an unmatched line was; it is then recorded like a matched line. */
	@Transactional
	PaymentIntake.Outcome assign(String transactionId, String payer) {
		caller.requireSteward();
		Unmatched line = unmatched().stream().filter(u -> u.transactionId().equals(transactionId)).findFirst()
				.orElseThrow(() -> new InvalidInput("No unassigned bank line has the transaction id '" + transactionId + "'"));
		UUID person = payers.find(payer);
		String note = line.description() + " (assigned by " + caller.actor() + ")";
		return intake.receive(this, new IncomingPayment(person, line.amount(), line.bookedOn(), line.transactionId(),
				"bank transfer", note.length() > 500 ? note.substring(0, 500) : note));
	}

	private boolean alreadyPaid(String transactionId) {
		return store.paymentId(NAME, transactionId).isPresent();
	}

	private boolean keepUnmatched(String fileName, Line line) {
		return store.insertUnmatched(line, currency, fileName, caller.actor());
	}

	List<Line> parse(String csv) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInput("The statement is empty: upload the bank's CSV export");
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
				.setTrim(true).setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get();
		List<String> problems = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		try (Reader reader = new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
				CSVParser parser = CSVParser.parse(reader, format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			String date = column(header, DATE, "Date", problems);
			String amount = column(header, AMOUNT, "Amount", problems);
			String description = column(header, DESCRIPTION, "Description", problems);
			String transaction = column(header, TRANSACTION, "Transaction ID", problems);
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (CSVRecord record : parser) {
				int number = (int) record.getRecordNumber() + 1; // the header is line 1
				List<String> lineProblems = new ArrayList<>();
				LocalDate day = day(value(record, date), number, lineProblems);
				Money money = money(value(record, amount), number, lineProblems);
				String text = value(record, description);
				String id = value(record, transaction);
				if (id.isEmpty()) {
					lineProblems.add("Line " + number + ": the transaction id is missing");
				} else if (id.length() > 200) {
					lineProblems.add("Line " + number + ": the transaction id is longer than 200 characters");
				} else if (!seen.add(id)) {
					lineProblems.add("Line " + number + ": the transaction id '" + id + "' appears twice in the file");
				}
				if (lineProblems.isEmpty()) {
					lines.add(new Line(number, day, money, text.length() > 500 ? text.substring(0, 500) : text, id));
				}
				problems.addAll(lineProblems);
			}
		} catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
			problems.add("The file is not a readable CSV statement: " + e.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return lines;
	}

	private static String column(Map<String, Integer> header, List<String> names, String label, List<String> problems) {
		for (String present : header.keySet()) {
			if (names.contains(present.strip().toLowerCase(Locale.ROOT))) {
				return present;
			}
		}
		problems.add("The statement has no '" + label + "' column; the columns are: Date, Amount, Description, Transaction ID");
		return null;
	}

	private static String value(CSVRecord record, String column) {
		return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
	}

	private static LocalDate day(String text, int number, List<String> problems) {
		try {
			return text.contains("/") ? LocalDate.parse(text, DAY_FIRST) : LocalDate.parse(text);
		} catch (DateTimeParseException e) {
			problems.add("Line " + number + ": '" + text + "' is not a date (2026-11-03 or 03/11/2026)");
			return null;
		}
	}

	private Money money(String text, int number, List<String> problems) {
		try {
			return Money.parse(text.replace(",", "").replace("$", ""), currency);
		} catch (InvalidInput e) {
			problems.add("Line " + number + ": " + e.getMessage());
			return null;
		}
	}
}
