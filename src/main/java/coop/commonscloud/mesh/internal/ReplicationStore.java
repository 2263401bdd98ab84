package coop.commonscloud.mesh.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of PostgreSQL's logical replication as the mesh uses it, and the table
 * classification they are drawn from. Names are quoted (see {@link Tables}); statements that create a
 * subscription cannot run in a transaction, so callers run those on the auto-committing connection.
 */
@Repository
@RequiredArgsConstructor
class ReplicationStore {

	private final JdbcClient jdbc;

	/** Every table of the public schema whose comment starts with {@code kind}, partitions left out, in name order. */
	List<String> tablesClassified(String kind) {
		return jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
				  and obj_description(c.oid, 'pg_class') like :kind || '%'
				order by c.relname""").param("kind", kind).query(String.class).list();
	}

	boolean publicationExists(String publication) {
		return jdbc.sql("select count(*) from pg_publication where pubname = :name").param("name", publication)
				.query(Long.class).single() > 0;
	}

	void createPublication(String publication) {
		jdbc.sql("create publication " + Tables.quoted(publication)).update();
	}

	void setPublishedTables(String publication, List<String> tables) {
		jdbc.sql("alter publication " + Tables.quoted(publication) + " set table " + Tables.list(tables)).update();
	}

	/** Makes the table refuse every write but replication's (see the mesh migration's {@code mesh_refuse_region_write}). */
	void guardAsReplica(String table) {
		jdbc.sql("create or replace trigger mesh_region_replica before insert or update or delete on " + Tables.quoted(table)
				+ " for each row execute function mesh_refuse_region_write()").update();
		jdbc.sql("create or replace trigger mesh_region_replica_truncate before truncate on " + Tables.quoted(table)
				+ " for each statement execute function mesh_refuse_region_write()").update();
	}

	boolean subscriptionExists(String subscription) {
		return jdbc.sql("select count(*) from pg_subscription where subname = :name").param("name", subscription)
				.query(Long.class).single() > 0;
	}

	/**
	 * Empties the tables as replication would ({@code session_replication_role = replica} for the rest of
	 * the transaction), so neither the append-only nor the read-only triggers refuse it: it needs a superuser, or a
	 * role granted {@code set on parameter session_replication_role}.
	 */
	void truncateAsReplication(List<String> tables) {
		jdbc.sql("set local session_replication_role = replica").update();
		jdbc.sql("truncate " + Tables.list(tables) + " cascade").update();
	}

	void createSubscription(String subscription, String connection, String publication, String slot) {
		jdbc.sql("create subscription " + Tables.quoted(subscription) + " connection " + Tables.literal(connection)
				+ " publication " + Tables.quoted(publication) + " with (copy_data = true, slot_name = "
				+ Tables.literal(slot) + ")").update();
	}

	void refreshSubscription(String subscription) {
		jdbc.sql("alter subscription " + Tables.quoted(subscription) + " refresh publication").update();
	}
}
