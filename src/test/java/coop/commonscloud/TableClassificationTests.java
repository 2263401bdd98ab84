package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table says whether it is region data (written at the core, replicated to every site) or
 * site data (written where it happens, shipped to the core), because the mesh's publications and
 * subscriptions are drawn up from exactly that comment.
 */
@SpringBootTest
class TableClassificationTests {

	@Autowired
	JdbcClient jdbc;

	record Table(String name, String comment) {
	}

	@Test
	void every_table_flyway_creates_is_classified_as_region_data_or_site_data() {
		List<Table> tables = jdbc.sql("""
				select c.relname as name, obj_description(c.oid, 'pg_class') as comment
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
				order by c.relname""")
				.query((rs, n) -> new Table(rs.getString("name"), rs.getString("comment")))
				.list();

		assertThat(tables).extracting(Table::name).contains("region", "site", "partner", "server", "account",
				"platform_parameter");
		assertThat(tables).allSatisfy(table -> assertThat(table.comment())
				.as("the comment on table %s (add: comment on table %s is 'region data: ...' or 'site data: ...')",
						table.name(), table.name())
				.isNotNull()
				.matches("^(region data|site data): .+"));
	}
}
