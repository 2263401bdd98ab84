package coop.commonscloud.identity.internal.keys;

import coop.commonscloud.platform.RegionData;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyStore {

	record StoredKey(String kid, String site, String publicJwk, byte[] sealedPrivateKey, Instant activeFrom) {
	}

	private final JdbcClient jdbc;
	/** At a site, its own keys live in local_signing_key; signing_key is the core's replica. */
	private final boolean atSite;

	SigningKeyStore(JdbcClient jdbc, ObjectProvider<RegionData> regionData) {
		this.jdbc = jdbc;
		this.atSite = !regionData.getIfAvailable(() -> RegionData.HERE).writtenHere();
	}

	boolean atSite() {
		return atSite;
	}

	/** Serialises key creation between nodes of one site. */
	void lockSite(String site) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key:' || :site))").param("site", site).query().singleRow();
	}

	List<StoredKey> all() {
		return jdbc.sql("select kid, site, public_jwk, sealed_private_key, active_from from local_signing_key "
				+ "union all select kid, site, public_jwk, sealed_private_key, active_from from signing_key s "
				+ "where not exists (select 1 from local_signing_key l where l.kid = s.kid) order by active_from")
				.query((rs, n) -> new StoredKey(rs.getString("kid"), rs.getString("site"), rs.getString("public_jwk"),
						rs.getBytes("sealed_private_key"), rs.getTimestamp("active_from").toInstant()))
				.list();
	}

	int countWithPrefix(String prefix) {
		return jdbc.sql("select (select count(*) from signing_key where kid like :prefix || '%') "
				+ "+ (select count(*) from local_signing_key where kid like :prefix || '%')").param("prefix", prefix)
				.query(Integer.class).single();
	}

	void insert(StoredKey key) {
		jdbc.sql(atSite
				? "insert into local_signing_key (kid, site, public_jwk, sealed_private_key, active_from) "
						+ "values (:kid, :site, :jwk, :sealed, :activeFrom)"
				: "insert into signing_key (kid, site, algorithm, public_jwk, sealed_private_key, active_from) "
						+ "values (:kid, :site, 'ES256', :jwk, :sealed, :activeFrom)")
				.param("kid", key.kid())
				.param("site", key.site())
				.param("jwk", key.publicJwk())
				.param("sealed", key.sealedPrivateKey())
				.param("activeFrom", java.sql.Timestamp.from(key.activeFrom()))
				.update();
	}

	/** At the core: a site's public key, published with no private half; true when it was new. */
	boolean publish(String kid, String site, String publicJwk, Instant activeFrom) {
		return jdbc.sql("insert into signing_key (kid, site, algorithm, public_jwk, active_from) "
				+ "values (:kid, :site, 'ES256', :jwk, :activeFrom) on conflict (kid) do nothing")
				.param("kid", kid)
				.param("site", site)
				.param("jwk", publicJwk)
				.param("activeFrom", java.sql.Timestamp.from(activeFrom))
				.update() == 1;
	}
}
