package coop.commonscloud.identity.internal.signin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Second factors: the sealed TOTP secret, hashes of the recovery codes, and the uses of each, so that
 * no code signs in twice.
 */
@Repository
@RequiredArgsConstructor
class SecondFactorStore {

	private final JdbcClient jdbc;

	boolean exists(UUID account) {
		return jdbc.sql("select count(*) from second_factor where account_id = :id").param("id", account)
				.query(Long.class).single() > 0;
	}

	Optional<byte[]> sealedSecret(UUID account) {
		return jdbc.sql("select sealed_secret from second_factor where account_id = :id").param("id", account)
				.query(byte[].class).optional();
	}

	/** Replaces the account's factor and recovery codes by new ones. */
	void replace(UUID account, byte[] sealedSecret, List<byte[]> recoveryCodeHashes) {
		jdbc.sql("delete from second_factor where account_id = :id").param("id", account).update();
		jdbc.sql("delete from recovery_code where account_id = :id").param("id", account).update();
		jdbc.sql("insert into second_factor (account_id, sealed_secret) values (:id, :sealed)").param("id", account)
				.param("sealed", sealedSecret).update();
		for (byte[] hash : recoveryCodeHashes) {
			jdbc.sql("insert into recovery_code (account_id, code_hash) values (:id, :hash)").param("id", account)
					.param("hash", hash).update();
		}
	}

	/** Records the use of a TOTP time step; false if it was used before. */
	boolean useStep(UUID account, long step) {
		return jdbc.sql("""
				insert into second_factor_use (account_id, step) values (:id, :step)
				on conflict do nothing""").param("id", account).param("step", step).update() == 1;
	}

	/** Records the use of a recovery code; false if it is not the account's or was used before. */
	boolean useRecoveryCode(UUID account, byte[] hash) {
		boolean known = jdbc.sql("select count(*) from recovery_code where account_id = :id and code_hash = :hash")
				.param("id", account).param("hash", hash).query(Long.class).single() > 0;
		return known && jdbc.sql("""
				insert into recovery_code_use (account_id, code_hash) values (:id, :hash)
				on conflict do nothing""").param("id", account).param("hash", hash).update() == 1;
	}
}
