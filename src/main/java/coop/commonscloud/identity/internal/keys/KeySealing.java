package coop.commonscloud.identity.internal.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import coop.commonscloud.platform.LocalSecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals private signing keys at rest with AES-256-GCM under the key-encryption key from
 * {@code commonscloud.identity.key-encryption-key} (32 bytes, base64). The key id is bound in as
 * associated data, so a sealed key cannot be passed off under another kid.
 *
 * <p>Without a configured key one is generated once into {@code ./data/identity-key-encryption.key}
 * beside the embedded database (see {@link LocalSecretKey}), so signing keys and TOTP secrets
 * survive restarts; with a throw-away database the key is throw-away too.
 */
@Component
public class KeySealing {

	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKey key;
	private final SecureRandom random = new SecureRandom();

	KeySealing(@Value("${commonscloud.identity.key-encryption-key:}") String configured,
			@Value("${commonscloud.database.embedded.data-dir:./data/postgres}") String dataDir) {
		this.key = new SecretKeySpec(LocalSecretKey.load(configured, "commonscloud.identity.key-encryption-key", dataDir,
				"identity-key-encryption.key", "seals the provider's private signing keys and TOTP secrets"), "AES");
	}

	public byte[] seal(byte[] plain, String kid) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not seal a signing key", e);
		}
	}

	/** Opens a sealed key; throws {@link GeneralSecurityException} when it was sealed under another key. */
	public byte[] open(byte[] sealed, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
	}
}
