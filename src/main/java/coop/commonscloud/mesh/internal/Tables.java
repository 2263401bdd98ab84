package coop.commonscloud.mesh.internal;

import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The tables of this database by their classification, read from their comments (the migrations say it). */
@Component
@RequiredArgsConstructor
class Tables {

	/**
	 * The site data that travels to the core. Sessions, authorisation codes, tokens and second-factor
	 * uses matter only where they were made; power readings reach the core through its API. What the
	 * region needs from every site is the audit trail of sign-ins (metering counts active days from it)
	 * and the heartbeat that measures how far behind a site's data is.
	 */
	static final Set<String> SHIPPED = Set.of("sign_in_event", "mesh_site_heartbeat");

	private final ReplicationStore store;

	/** Every table commented {@code region data:}, in name order. */
	List<String> regionTables() {
		return store.tablesClassified("region data:");
	}

	List<String> shippedTables() {
		return store.tablesClassified("site data:").stream().filter(SHIPPED::contains).toList();
	}

	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String literal(String text) {
		if (text.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("A NUL character cannot be in an SQL literal");
		}
		return "'" + text.replace("'", "''") + "'";
	}

	static String list(List<String> tables) {
		return String.join(", ", tables.stream().map(Tables::quoted).toList());
	}
}
