package coop.commonscloud.billing.internal;

import coop.commonscloud.platform.Csv;
import coop.commonscloud.platform.PersonalData;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's payments, refunds and plan history in their export ({@code payments.csv} and
 * {@code payments.json}). Money records are kept when they leave: they name the account id only,
 * and the books must still balance for the retention period.
 */
@Component
@RequiredArgsConstructor
class BillingPersonalData implements PersonalData {

	private static final String KEPT = "a money record, kept for the legal retention period (portability.retention.money-records) under the account id only";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	@Override
	public List<Holding> holdings() {
		return List.of(new Holding("payment", "person", true, Fate.KEPT_UNDER_PSEUDONYM, KEPT),
				new Holding("payment_refund", "person", true, Fate.KEPT_UNDER_PSEUDONYM, KEPT),
				new Holding("billing_plan_choice", "person", true, Fate.KEPT_UNDER_PSEUDONYM, KEPT),
				new Holding("billing_payer", "person", true, Fate.KEPT_UNDER_PSEUDONYM,
						"the bank-transfer reference, kept so a late transfer still finds its (former) payer's records"));
	}

	record Line(String kind, String date, String id, String paymentId, long amountMinor, String currency, String source,
			String reference, String method, String note) {
	}

	@Override
	public List<ExportFile> export(Person person) {
		UUID id = person.account().value();
		List<Line> lines = new ArrayList<>(jdbc.sql("""
				select received_on, id, amount_cents, currency, source, reference, method, note from payment
				where person = :id order by received_on, recorded_at""").param("id", id)
				.query((rs, n) -> new Line("PAYMENT", rs.getDate(1).toLocalDate().toString(), rs.getString(2), null,
						rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
				.list());
		lines.addAll(jdbc.sql("""
				select refunded_on, id, payment_id, amount_cents, currency, why from payment_refund
				where person = :id order by refunded_on, recorded_at""").param("id", id)
				.query((rs, n) -> new Line("REFUND", rs.getDate(1).toLocalDate().toString(), rs.getString(2), rs.getString(3),
						-rs.getLong(4), rs.getString(5), null, null, null, rs.getString(6)))
				.list());
		List<Map<String, Object>> plans = jdbc.sql("""
				select c.chosen_at, c.tier, c.yearly_cents, c.minimum_cents, c.currency, c.needs_confirmation, f.confirmed_at
				from billing_plan_choice c left join billing_concession_confirmation f on f.choice_id = c.id
				where c.person = :id order by c.id""").param("id", id)
				.query((rs, n) -> {
					Map<String, Object> plan = new LinkedHashMap<>();
					plan.put("chosenAt", instant(rs.getTimestamp(1)));
					plan.put("tier", rs.getString(2));
					plan.put("yearlyMinor", rs.getLong(3));
					plan.put("minimumMinor", rs.getLong(4));
					plan.put("currency", rs.getString(5));
					plan.put("needsConfirmation", rs.getBoolean(6));
					plan.put("confirmedAt", instant(rs.getTimestamp(7)));
					return plan;
				}).list();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("schemaVersion", 1);
		file.put("paymentReference", jdbc.sql("select payment_reference from billing_payer where person = :id")
				.param("id", id).query(String.class).optional().orElse(null));
		file.put("lines", lines);
		file.put("plans", plans);
		return List.of(new ExportFile("payments.csv", csv(lines)),
				new ExportFile("payments.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(file)));
	}

	/** Money records stay; nothing here names the person but their account id. */
	@Override
	public void forget(Person person) {
	}

	private static String csv(List<Line> lines) {
		StringBuilder csv = new StringBuilder("kind,date,id,payment_id,amount_minor,currency,source,reference,method,note\r\n");
		for (Line line : lines) {
			csv.append(String.join(",", line.kind(), line.date(), line.id(), text(line.paymentId()),
					Long.toString(line.amountMinor()), line.currency(), text(line.source()), text(line.reference()),
					text(line.method()), text(line.note()))).append("\r\n");
		}
		return csv.toString();
	}

	private static String text(String value) {
		return value == null ? "" : Csv.field(value);
	}

	private static String instant(Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}
}
