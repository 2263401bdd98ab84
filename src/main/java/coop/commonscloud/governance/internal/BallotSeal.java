package coop.commonscloud.governance.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import coop.commonscloud.platform.LocalSecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the content of anonymous ballots (AES-256-GCM, bound to the poll) with a key that is never
 * in the database. Whoever reads the tables, at the core or at any site's replica, sees which
 * member took part and, for each token, only ciphertext: not what was voted, nor with which
 * class weight. The application opens ballots in memory to count them.
 *
 * <p>The key comes from {@code commonscloud.governance.ballot-key} (32 bytes, Base64). Without it,
 * a key is generated once and kept beside the embedded database's data directory (or in memory
 * for a temporary database). Losing the key loses the open anonymous polls' ballots: back it up
 * with the database, but keep it out of the database's backups' hands.
 */
@Component
class BallotSeal {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	BallotSeal(@Value("${commonscloud.governance.ballot-key:}") String configured,
			@Value("${commonscloud.database.embedded.data-dir:./data/postgres}") String dataDir) {
		this.key = new SecretKeySpec(LocalSecretKey.load(configured, "commonscloud.governance.ballot-key", dataDir,
				"governance-ballot.key", "seals anonymous ballots (without it open anonymous polls cannot be counted)"), "AES");
	}

	String seal(UUID poll, String plain) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(poll.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed)
					.array());
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not seal a ballot", e);
		}
	}

	String open(UUID poll, String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
			cipher.updateAAD(poll.toString().getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("An anonymous ballot of poll " + poll + " cannot be opened: the ballot key "
					+ "(commonscloud.governance.ballot-key) is not the one it was sealed with", e);
		}
	}

}
