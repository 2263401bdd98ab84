package coop.commonscloud.mesh.internal;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Marks Flyway's migrations at a site, so the region guard skips the rows they seed instead of
 * refusing them: the core's own run of the same migration writes them, and replication brings them.
 * Spring Boot hands every {@link Callback} bean to Flyway.
 */
@Component
class SiteMigrations implements Callback {

	private final boolean site;

	SiteMigrations(MeshSettings settings) {
		this.site = settings.role == coop.commonscloud.mesh.NodeRole.SITE;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return site && (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
				|| event == Event.AFTER_EACH_MIGRATE_ERROR);
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		String sql = event == Event.BEFORE_EACH_MIGRATE ? "set commonscloud.writer = 'migration'" : "reset commonscloud.writer";
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(sql);
		} catch (SQLException e) {
			throw new IllegalStateException("Could not mark a migration at this site", e);
		}
	}

	@Override
	public String getCallbackName() {
		return "mesh-site-migrations";
	}
}
