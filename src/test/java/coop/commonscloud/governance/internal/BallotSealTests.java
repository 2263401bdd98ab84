package coop.commonscloud.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BallotSealTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void a_sealed_ballot_opens_only_with_its_key_and_for_its_poll() {
		BallotSeal seal = new BallotSeal(KEY, "temporary");
		UUID poll = UUID.randomUUID();
		String sealed = seal.seal(poll, "choice:0|1");

		assertThat(seal.open(poll, sealed)).isEqualTo("choice:0|1");
		assertThat(seal.seal(poll, "choice:0|1")).as("a fresh nonce every time").isNotEqualTo(sealed);
		assertThatThrownBy(() -> seal.open(UUID.randomUUID(), sealed)).hasMessageContaining("cannot be opened");
		assertThatThrownBy(() -> new BallotSeal("", "temporary").open(poll, sealed)).hasMessageContaining("ballot key");
	}

	@Test
	void without_a_configured_key_one_is_generated_once_beside_the_database_and_kept(@TempDir Path dir) throws Exception {
		String dataDir = dir.resolve("postgres").toString();
		UUID poll = UUID.randomUUID();
		String sealed = new BallotSeal(null, dataDir).seal(poll, "ranking:1,0|2");

		assertThat(new BallotSeal(null, dataDir).open(poll, sealed)).isEqualTo("ranking:1,0|2");
		assertThat(Files.readString(dir.resolve("governance-ballot.key")).strip()).hasSize(44);
	}
}
