package coop.commonscloud.identity.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyStore {

	record StoredKey(String kid, String site, String publicJwk, byte[] sealedPrivateKey, Instant activeFrom) {
	}

	private final JdbcClient jdbc;

	SigningKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises key creation between nodes of one site. */
	void lockSite(String site) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key:' || :site))").param("site", site).query().singleRow();
	}

	List<StoredKey> all() {
		return jdbc.sql("select * from signing_key order by active_from")
				.query((rs, n) -> new StoredKey(rs.getString("kid"), rs.getString("site"), rs.getString("public_jwk"),
						rs.getBytes("sealed_private_key"), rs.getTimestamp("active_from").toInstant()))
				.list();
	}

	int countWithPrefix(String prefix) {
		return jdbc.sql("select count(*) from signing_key where kid like :prefix || '%'").param("prefix", prefix)
				.query(Integer.class).single();
	}

	void insert(StoredKey key) {
		jdbc.sql("insert into signing_key (kid, site, algorithm, public_jwk, sealed_private_key, active_from) "
				+ "values (:kid, :site, 'ES256', :jwk, :sealed, :activeFrom)")
				.param("kid", key.kid())
				.param("site", key.site())
				.param("jwk", key.publicJwk())
				.param("sealed", key.sealedPrivateKey())
				.param("activeFrom", java.sql.Timestamp.from(key.activeFrom()))
				.update();
	}
}
