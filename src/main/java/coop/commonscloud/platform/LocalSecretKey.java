package coop.commonscloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 256-bit key that must outlive restarts but never sit in the database it protects: taken from
 * configuration when set (Base64), otherwise generated once into a file beside the embedded
 * database's data directory (readable by the owner only) and read from there on later starts.
 * With a throw-away database (data directory {@code temporary}) the key is throw-away too.
 */
public final class LocalSecretKey {

	private static final Logger log = LoggerFactory.getLogger(LocalSecretKey.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalSecretKey() {
	}

	/**
	 * @param configured the configured Base64 value, blank when unset
	 * @param property the configuration property's name, for messages
	 * @param embeddedDataDir {@code commonscloud.database.embedded.data-dir}
	 * @param fileName the file the generated key is kept in, beside that directory
	 * @param purpose what the key protects, for the warning a person reads when it is generated
	 */
	public static byte[] load(String configured, String property, String embeddedDataDir, String fileName, String purpose) {
		if (configured != null && !configured.isBlank()) {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(configured.strip());
			} catch (IllegalArgumentException e) {
				throw new IllegalStateException(property + " must be Base64 (32 random bytes, for example from "
						+ "'openssl rand -base64 32')");
			}
			if (bytes.length != 32) {
				throw new IllegalStateException(property + " must decode to 32 bytes; it decodes to " + bytes.length);
			}
			return bytes;
		}
		if ("temporary".equals(embeddedDataDir)) {
			return random();
		}
		Path file = Path.of(embeddedDataDir).toAbsolutePath().normalize().resolveSibling(fileName);
		try {
			if (Files.exists(file)) {
				byte[] bytes = Base64.getDecoder().decode(Files.readString(file).strip());
				if (bytes.length != 32) {
					throw new IllegalStateException(file + " does not hold a 32-byte key");
				}
				return bytes;
			}
			Files.createDirectories(file.getParent());
			byte[] bytes = random();
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			} catch (UnsupportedOperationException notPosix) {
				// the file system has no POSIX permissions; the directory's protection must do
			}
			log.warn("Generated the key that {} in {}: back it up with the database, or set {} for a real deployment",
					purpose, file, property);
			return bytes;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read or create the key file " + file, e);
		}
	}

	private static byte[] random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}
