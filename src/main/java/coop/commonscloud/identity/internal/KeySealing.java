package coop.commonscloud.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals private signing keys at rest with AES-256-GCM under the key-encryption key from
 * {@code commonscloud.identity.key-encryption-key} (32 bytes, base64). The key id is bound in as
 * associated data, so a sealed key cannot be passed off under another kid.
 *
 * <p>Without a configured key a random one is made for this run only, with a warning: keys sealed
 * under it cannot be opened after a restart, so the provider then makes a fresh signing key (the
 * old public keys stay published until they age out).
 */
@Component
class KeySealing {

	private static final Logger log = LoggerFactory.getLogger(KeySealing.class);
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKey key;
	private final SecureRandom random = new SecureRandom();

	KeySealing(@Value("${commonscloud.identity.key-encryption-key:}") String configured) {
		this.key = configured.isBlank() ? temporaryKey() : configuredKey(configured);
	}

	byte[] seal(byte[] plain, String kid) {
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
	byte[] open(byte[] sealed, String kid) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
		cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
	}

	private static SecretKey configuredKey(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		} catch (IllegalArgumentException e) {
			throw new IllegalStateException("commonscloud.identity.key-encryption-key must be base64 (32 random bytes, "
					+ "for example from 'openssl rand -base64 32')");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("commonscloud.identity.key-encryption-key must decode to 32 bytes; it decodes to "
					+ bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static SecretKey temporaryKey() {
		log.warn("No commonscloud.identity.key-encryption-key (COMMONSCLOUD_IDENTITY_KEY_ENCRYPTION_KEY) is set: "
				+ "signing keys are sealed with a temporary key for this run only and a new signing key is made "
				+ "after each restart. Set it (32 random bytes, base64) for any real deployment.");
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256);
			return generator.generateKey();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
