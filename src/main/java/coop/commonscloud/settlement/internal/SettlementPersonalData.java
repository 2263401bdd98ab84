package coop.commonscloud.settlement.internal;

import coop.commonscloud.platform.Csv;
import coop.commonscloud.platform.PersonalData;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a person's money went ({@code where-my-money-went.csv}): every line of their split in
 * every posted settlement run. The lines are append-only money records and stay when they leave.
 */
@Component
@RequiredArgsConstructor
class SettlementPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	@Override
	public List<Holding> holdings() {
		return List.of(
				new Holding("settlement_line", "person", true, Fate.KEPT_UNDER_PSEUDONYM,
						"a money record (it adds up to the posted ledger totals), kept for the legal retention period"),
				new Holding("settlement_run", "checkpoint_person", false, Fate.KEPT,
						"where an interrupted run resumes: a position in the run, not data about the person"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		UUID id = person.account().value();
		StringBuilder csv = new StringBuilder("period,line,kind,partner_id,amount_minor,currency,weight,detail\r\n");
		jdbc.sql("""
				select r.period, l.line_no, l.kind, l.partner, l.amount_minor, r.currency, l.weight, l.detail
				from settlement_line l join settlement_run r on r.id = l.run_id
				where l.person = :id and r.status = 'POSTED' order by r.period, l.line_no""").param("id", id)
				.query((rs, n) -> csv.append(rs.getString(1)).append(',').append(rs.getInt(2)).append(',')
						.append(rs.getString(3)).append(',').append(rs.getObject(4) == null ? "" : rs.getObject(4)).append(',')
						.append(rs.getLong(5)).append(',').append(rs.getString(6)).append(',').append(rs.getLong(7)).append(',')
						.append(rs.getString(8) == null ? "" : Csv.field(rs.getString(8))).append("\r\n"))
				.list();
		return List.of(new ExportFile("where-my-money-went.csv", csv.toString()));
	}

	@Override
	public void forget(Person person) {
	}
}
