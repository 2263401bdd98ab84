package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every append-only table refuses UPDATE, DELETE and TRUNCATE in the database. The tables are found
 * from the catalog (a row trigger calling {@code refuse_change_to_append_only()}), so a table added
 * later is checked without anyone listing it here.
 */
@SpringBootTest
class AppendOnlyTablesTests {

	static final String REFUSING = "refuse_change_to_append_only";

	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;

	/** A trigger as pg_trigger has it; the flags are the bits of {@code tgtype}. */
	record Trigger(String table, String name, String function, boolean row, boolean before, boolean onUpdate,
			boolean onDelete, boolean onTruncate, boolean firesLocally, boolean conditional) {

		/** Fires before every UPDATE and DELETE of every row: no WHEN, no column list. */

		boolean refusesRowChanges() {
			return row && before && onUpdate && onDelete && firesLocally && !conditional;
		}

		/** Refuses TRUNCATE with the shared function. */
		boolean refusesTruncate() {
			return !row && before && onTruncate && firesLocally && function.equals(REFUSING);
		}
	}

	@Test
	void every_table_with_the_append_only_row_trigger_refuses_update_delete_and_truncate() {
		Set<String> appendOnly = tablesWhere(t -> t.row() && t.function().equals(REFUSING));
		assertThat(appendOnly).contains("ledger_posting", "platform_parameter", "sign_in_event", "payment", "named_ballot");
		List<Trigger> triggers = triggers();
		Set<String> exercisedOnARow = new TreeSet<>();

		SoftAssertions softly = new SoftAssertions();
		for (String table : appendOnly) {
			softly.assertThat(triggers.stream().filter(t -> t.table().equals(table) && t.function().equals(REFUSING) && t.row()))
					.as("the append-only row trigger of %s fires before every UPDATE and DELETE, with no WHEN", table)
					.anyMatch(Trigger::refusesRowChanges);
			softly.assertThat(triggers.stream().filter(t -> t.table().equals(table)))
					.as("%s has a statement trigger: create trigger %s_no_truncate before truncate on %s for each statement "
							+ "execute function refuse_change_to_append_only()", table, table, table)
					.anyMatch(Trigger::refusesTruncate);
			softly.assertThat(refusal("truncate " + quoted(table) + " cascade"))
					.as("TRUNCATE of %s", table).contains(table + " is append-only: TRUNCATE is refused");
			String column = anUpdatableColumn(table);
			if (hasRows(table)) {
				exercisedOnARow.add(table);
				softly.assertThat(refusal("update " + quoted(table) + " set " + quoted(column) + " = " + quoted(column)))
						.as("UPDATE of %s", table).contains(table + " is append-only: UPDATE is refused");
				softly.assertThat(refusal("delete from " + quoted(table)))
						.as("DELETE from %s", table).contains(table + " is append-only: DELETE is refused");
			}
		}
		softly.assertAll();
		// the parameters' seeds are written by their migration, so at least these always have a row to refuse
		assertThat(exercisedOnARow).contains("platform_parameter", "platform_parameter_definition");
	}

	@Test
	void a_table_refuses_truncate_exactly_when_it_refuses_row_changes() {
		Set<String> refusingRowChanges = tablesWhere(Trigger::refusesRowChanges);
		Set<String> refusingTruncate = tablesWhere(Trigger::refusesTruncate);
		Set<String> appendOnly = tablesWhere(t -> t.row() && t.function().equals(REFUSING));

		assertThat(appendOnly).as("append-only tables without a TRUNCATE trigger").isSubsetOf(refusingTruncate);
		// payout_batch refuses row changes with a function of its own (a batch may still move forward)
		assertThat(refusingTruncate).as("tables refusing TRUNCATE whose rows can still be updated or deleted")
				.isSubsetOf(refusingRowChanges);
	}

	/** What the database answered when it refused the statement, run in a transaction that is rolled back anyway. */
	private String refusal(String statement) {
		Throwable thrown = catchThrowable(() -> transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			jdbc.sql(statement).update();
		}));
		return thrown == null ? "(not refused)" : String.valueOf(thrown.getMessage());
	}

	private boolean hasRows(String table) {
		return jdbc.sql("select exists (select 1 from " + quoted(table) + ")").query(Boolean.class).single();
	}

	/** A column an UPDATE may name: identity and generated columns refuse it before any trigger runs. */
	private String anUpdatableColumn(String table) {
		return jdbc.sql("""
				select a.attname from pg_attribute a
				where a.attrelid = cast(:table as regclass) and a.attnum > 0 and not a.attisdropped
				  and a.attidentity = '' and a.attgenerated = ''
				order by a.attnum limit 1""").param("table", quoted(table)).query(String.class).single();
	}

	private Set<String> tablesWhere(java.util.function.Predicate<Trigger> which) {
		return triggers().stream().filter(which).map(Trigger::table).collect(Collectors.toCollection(TreeSet::new));
	}

	/** The triggers of the public schema's tables, leaving out internal ones and the copies partitions get. */
	private List<Trigger> triggers() {
		return jdbc.sql("""
				select c.relname, t.tgname, p.proname, t.tgtype, t.tgenabled, t.tgqual is not null or cardinality(t.tgattr::int2[]) > 0 as conditional
				from pg_trigger t
				join pg_class c on c.oid = t.tgrelid
				join pg_namespace n on n.oid = c.relnamespace
				join pg_proc p on p.oid = t.tgfoid
				where n.nspname = 'public' and not t.tgisinternal and t.tgparentid = 0 and not c.relispartition
				order by c.relname, t.tgname""")
				.query((rs, n) -> {
					int type = rs.getInt("tgtype");
					return new Trigger(rs.getString("relname"), rs.getString("tgname"), rs.getString("proname"),
							(type & 1) != 0, (type & 2) != 0, (type & 16) != 0, (type & 8) != 0, (type & 32) != 0,
							Set.of("O", "A").contains(rs.getString("tgenabled")), rs.getBoolean("conditional"));
				})
				.list();
	}

	private static String quoted(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}
}
