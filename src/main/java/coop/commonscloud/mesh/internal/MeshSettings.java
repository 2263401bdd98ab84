package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's place in the mesh, from configuration ({@code commonscloud.mesh.*}). The node secret
 * and the database connections hold credentials: they are never logged, and {@link #toString()}
 * leaves them out.
 */
@Component
class MeshSettings {

	static final Pattern SITE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

	final NodeRole role;
	final String site;
	final String coreUrl;
	final String nodeSecret;
	final String coreDatabase;
	final String siteDatabase;
	final Duration heartbeat;
	final Duration isolatedAfter;

	MeshSettings(@Value("${commonscloud.mesh.role:standalone}") String role,
			@Value("${commonscloud.site.name:core}") String site,
			@Value("${commonscloud.mesh.core-url:}") String coreUrl,
			@Value("${commonscloud.mesh.node-secret:}") String nodeSecret,
			@Value("${commonscloud.mesh.core-database:}") String coreDatabase,
			@Value("${commonscloud.mesh.site-database:}") String siteDatabase,
			@Value("${commonscloud.mesh.heartbeat-interval:PT5S}") Duration heartbeat,
			@Value("${commonscloud.mesh.isolated-after:PT30S}") Duration isolatedAfter) {
		this.role = NodeRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
		this.site = site;
		this.coreUrl = coreUrl.endsWith("/") ? coreUrl.substring(0, coreUrl.length() - 1) : coreUrl;
		this.nodeSecret = nodeSecret;
		this.coreDatabase = coreDatabase;
		this.siteDatabase = siteDatabase;
		this.heartbeat = heartbeat;
		this.isolatedAfter = isolatedAfter;
		if (this.role == NodeRole.SITE) {
			require(SITE_NAME.matcher(site).matches() && !"core".equals(site),
					"commonscloud.site.name must be lower-case letters, digits and '_' (not 'core') at a site");
			require(!this.coreUrl.isBlank(), "commonscloud.mesh.core-url is needed at a site");
			require(!coreDatabase.isBlank(), "commonscloud.mesh.core-database is needed at a site");
			require(!siteDatabase.isBlank(), "commonscloud.mesh.site-database is needed at a site");
		}
		if (this.role != NodeRole.STANDALONE) {
			require(nodeSecret.length() >= 16, "commonscloud.mesh.node-secret (at least 16 characters) is needed at the core and at every site");
		}
	}

	private static void require(boolean holds, String message) {
		if (!holds) {
			throw new IllegalStateException(message);
		}
	}

	/** The replication slot on the core that feeds this site (slot names allow a-z, 0-9 and '_'). */
	String regionSlot() {
		return "region_data_" + site;
	}

	@Override
	public String toString() {
		return "MeshSettings[role=" + role + ", site=" + site + ", coreUrl=" + coreUrl + "]";
	}
}
