package coop.commonscloud.platform.internal;

import java.sql.SQLException;

/**
 * Recognises the database's refusal to write region data at a site of the mesh: the guard on every
 * region table there raises SQLSTATE 25006 (read_only_sql_transaction). Such a write is refused,
 * never queued, and the person is told where it can be made.
 */
final class ReplicaRefusal {

	static final String MESSAGE = "This site keeps a read-only copy of the region's data, so this change can only be "
			+ "made at the region core; nothing was changed here. Changes made at the core reach this site by replication.";

	private ReplicaRefusal() {
	}

	static boolean causedBy(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}
}
