package coop.commonscloud.mesh.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sites that asked to join the region's core, and the nodes' heartbeats. */
@Repository
@RequiredArgsConstructor
class MeshStore {

	/** A site the core knows, and when its newest heartbeat was written (null before its first arrived). */
	record SiteBeat(String site, String state, Instant beat) {
	}

	/** How a site's join request stands, and the signing key it asked with. */
	record JoinState(String state, String publicJwk) {
	}

	private final JdbcClient jdbc;

	/** At the core: the core's heartbeat, a region table that replicates to every site. */
	void beatAsCore() {
		jdbc.sql("""
				insert into mesh_heartbeat (node, beat_at) values ('core', clock_timestamp())
				on conflict (node) do update set beat_at = excluded.beat_at""").update();
	}

	/** At a site: its heartbeat, a site table shipped to the core. */
	void beatAsSite(String site) {
		jdbc.sql("""
				insert into mesh_site_heartbeat (site, beat_at) values (:site, clock_timestamp())
				on conflict (site) do update set beat_at = excluded.beat_at""").param("site", site).update();
	}

	/** At the core: every site it knows, with the newest heartbeat that arrived from it. */
	List<SiteBeat> siteBeats() {
		return jdbc.sql("select s.name, s.state, h.beat_at from mesh_site s left join mesh_site_heartbeat h on h.site = s.name")
				.query((rs, n) -> new SiteBeat(rs.getString("name"), rs.getString("state"), instant(rs.getTimestamp("beat_at"))))
				.list();
	}

	/** At a site: the newest heartbeat of the core that replication brought. */
	Optional<Instant> coreBeat() {
		return jdbc.sql("select beat_at from mesh_heartbeat where node = 'core'")
				.query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	/** Records a site's request to join; a request still waiting may change its key and database, a decided one not. */
	void askToJoin(SiteRegister.JoinRequest request) {
		jdbc.sql("""
				insert into mesh_site (name, public_jwk, database, state, requested_at)
				values (:name, :jwk, :database, 'REQUESTED', now())
				on conflict (name) do update set public_jwk = excluded.public_jwk, database = excluded.database
				where mesh_site.state = 'REQUESTED'""")
				.param("name", request.site()).param("jwk", request.publicJwk()).param("database", request.database()).update();
	}

	JoinState joinState(String site) {
		return jdbc.sql("select state, public_jwk from mesh_site where name = :name").param("name", site)
				.query((rs, n) -> new JoinState(rs.getString("state"), rs.getString("public_jwk"))).single();
	}

	List<SiteRegister.PendingSite> sites() {
		return jdbc.sql("select * from mesh_site order by name").query((rs, n) -> new SiteRegister.PendingSite(rs.getString("name"),
				rs.getString("state"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("approved_at")),
				rs.getString("approved_by"), instant(rs.getTimestamp("subscribed_at")), rs.getString("last_error"))).list();
	}

	/** The public signing key the site asked with, locking its row until the transaction ends. */
	Optional<String> lockPublicJwk(String site) {
		return jdbc.sql("select public_jwk from mesh_site where name = :name for update").param("name", site)
				.query(String.class).optional();
	}

	/** Approves the site; approving it again keeps the first approval's time and steward. */
	void approve(String site, String actor) {
		jdbc.sql("""
				update mesh_site set state = 'APPROVED', approved_at = coalesce(approved_at, now()),
				  approved_by = coalesce(approved_by, :actor)
				where name = :name""").param("actor", actor).param("name", site).update();
	}

	List<String> approvedNotSubscribed() {
		return jdbc.sql("select name from mesh_site where state = 'APPROVED' and subscribed_at is null")
				.query(String.class).list();
	}

	String database(String site) {
		return jdbc.sql("select database from mesh_site where name = :name").param("name", site).query(String.class).single();
	}

	/** Records a subscription attempt: subscribed now when {@code error} is null, else what went wrong. */
	void subscribed(String site, String error) {
		jdbc.sql("""
				update mesh_site set subscribed_at = case when :error::text is null then now() end, last_error = :error
				where name = :name""").param("error", error).param("name", site).update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
