package coop.commonscloud.mesh.internal;

import coop.commonscloud.identity.SiteSigningKeys;
import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the core: sites ask to join, a steward approves, and the core then publishes the site's public
 * signing key as region data and subscribes to the site's shipped data. Subscribing is retried until
 * it works (the site's database may be down when the steward approves).
 */
@Service
class SiteRegister {

	record JoinRequest(String site, String publicJwk, String database) {
	}

	record PendingSite(String name, String state, Instant requestedAt, Instant approvedAt, String approvedBy,
			Instant subscribedAt, String lastError) {
	}

	private static final Logger log = LoggerFactory.getLogger(SiteRegister.class);

	private final MeshSettings settings;
	private final JdbcClient jdbc;
	private final Caller caller;
	private final SiteSigningKeys keys;
	private final Replication replication;
	private final TransactionTemplate transactions;

	SiteRegister(MeshSettings settings, JdbcClient jdbc, Caller caller, SiteSigningKeys keys, Replication replication,
			TransactionTemplate transactions) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.caller = caller;
		this.keys = keys;
		this.replication = replication;
		this.transactions = transactions;
	}

	/** A site asks to join (or asks again how its request stands); answers the request's state. */
	String ask(JoinRequest request) {
		requireCore();
		if (request.site() == null || !MeshSettings.SITE_NAME.matcher(request.site()).matches() || "core".equals(request.site())) {
			throw new InvalidInput("A site's name is lower-case letters, digits and '_', at most 31 characters, and not 'core'");
		}
		if (request.publicJwk() == null || request.database() == null || request.database().isBlank()) {
			throw new InvalidInput("A join request names the site's public signing key and its database connection");
		}
		return transactions.execute(status -> {
			jdbc.sql("insert into mesh_site (name, public_jwk, database, state, requested_at) "
					+ "values (:name, :jwk, :database, 'REQUESTED', now()) on conflict (name) do update "
					+ "set public_jwk = excluded.public_jwk, database = excluded.database where mesh_site.state = 'REQUESTED'")
					.param("name", request.site()).param("jwk", request.publicJwk()).param("database", request.database()).update();
			record Known(String state, String jwk) {
			}
			Known known = jdbc.sql("select state, public_jwk from mesh_site where name = :name").param("name", request.site())
					.query((rs, n) -> new Known(rs.getString("state"), rs.getString("public_jwk"))).single();
			if (!known.jwk().equals(request.publicJwk())) {
				throw new Conflict("Site '" + request.site() + "' joined with another signing key; a steward must remove it first");
			}
			return known.state();
		});
	}

	@Transactional(readOnly = true)
	List<PendingSite> sites() {
		caller.requireSteward();
		return jdbc.sql("select * from mesh_site order by name").query((rs, n) -> new PendingSite(rs.getString("name"),
				rs.getString("state"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("approved_at")),
				rs.getString("approved_by"), instant(rs.getTimestamp("subscribed_at")), rs.getString("last_error"))).list();
	}

	/** A steward lets a site in: its key becomes region data, and the core subscribes to its site data. */
	void approve(String site) {
		caller.requireSteward();
		requireCore();
		String actor = caller.actor();
		transactions.executeWithoutResult(status -> {
			String jwk = jdbc.sql("select public_jwk from mesh_site where name = :name for update").param("name", site)
					.query(String.class).optional()
					.orElseThrow(() -> new NotFound("No site named '" + site + "' has asked to join"));
			jdbc.sql("update mesh_site set state = 'APPROVED', approved_at = coalesce(approved_at, now()), "
					+ "approved_by = coalesce(approved_by, :actor) where name = :name").param("actor", actor).param("name", site)
					.update();
			keys.publish(site, jwk);
		});
		subscribeToApprovedSites();
	}

	/** Subscribes to the site data of every approved site the core does not subscribe to yet. */
	@Scheduled(initialDelay = 0, fixedDelayString = "${commonscloud.mesh.heartbeat-interval:PT5S}")
	synchronized void subscribeToApprovedSites() {
		if (settings.role != NodeRole.CORE) {
			return;
		}
		try {
			List<String> waiting = jdbc.sql("select name from mesh_site where state = 'APPROVED' and subscribed_at is null")
					.query(String.class).list();
			for (String site : waiting) {
				subscribe(site);
			}
		} catch (DataAccessException e) {
			log.warn("Could not look for approved sites: {}", e.getMostSpecificCause().getMessage());
		}
	}

	private void subscribe(String site) {
		String subscription = "commonscloud_site_" + site;
		String error = null;
		try {
			if (!replication.subscribed(subscription)) {
				String database = jdbc.sql("select database from mesh_site where name = :name").param("name", site)
						.query(String.class).single();
				replication.subscribeToSiteData(subscription, database);
			}
		} catch (DataAccessException e) {
			error = e.getMostSpecificCause().getMessage();
			log.warn("Could not subscribe to the site data of '{}' yet: {}", site, error);
		}
		jdbc.sql("update mesh_site set subscribed_at = case when :error::text is null then now() end, last_error = :error "
				+ "where name = :name").param("error", error).param("name", site).update();
	}

	private void requireCore() {
		if (settings.role != NodeRole.CORE) {
			throw new Conflict("Sites join the region's core; this node is " + settings.role.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
