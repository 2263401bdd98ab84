package coop.commonscloud.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretKeyTests {

	@TempDir
	Path dir;

	byte[] load(String configured, String dataDir) {
		return LocalSecretKey.load(configured, "test.key", dataDir, "test.key", "protects the test");
	}

	@Test
	void a_generated_key_is_kept_beside_the_database_and_read_back_after_a_restart() throws Exception {
		String dataDir = dir.resolve("postgres").toString();
		byte[] first = load("", dataDir);
		byte[] afterRestart = load("", dataDir);
		assertThat(first).hasSize(32).isEqualTo(afterRestart);
		Path file = dir.resolve("test.key");
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void a_configured_key_wins_and_must_be_32_bytes_of_base64() {
		byte[] key = new byte[32];
		key[0] = 7;
		assertThat(load(Base64.getEncoder().encodeToString(key), dir.toString())).isEqualTo(key);
		assertThat(dir.resolveSibling("test.key")).doesNotExist();
		assertThatThrownBy(() -> load(Base64.getEncoder().encodeToString(new byte[16]), dir.toString()))
				.hasMessageContaining("must decode to 32 bytes");
		assertThatThrownBy(() -> load("not base64!", dir.toString())).hasMessageContaining("must be Base64");
	}

	@Test
	void a_throw_away_database_gets_a_throw_away_key() {
		assertThat(load("", "temporary")).hasSize(32).isNotEqualTo(load("", "temporary"));
	}
}
