package coop.commonscloud.identity.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes client secrets with SHA-256. Client secrets are 256 random bits made by the provider, so
 * no dictionary can guess them and a slow hash (Argon2, for people's passwords) would only make
 * every client-authenticated token request cost tens of milliseconds of CPU.
 */
final class ClientSecretHasher implements PasswordEncoder {

	private static final String PREFIX = "{sha256}";

	@Override
	public String encode(CharSequence raw) {
		return PREFIX + HexFormat.of().formatHex(digest(raw));
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (raw == null || encoded == null || !encoded.startsWith(PREFIX)) {
			return false;
		}
		byte[] expected = HexFormat.of().parseHex(encoded.substring(PREFIX.length()));
		return MessageDigest.isEqual(expected, digest(raw));
	}

	private static byte[] digest(CharSequence raw) {
		return RefreshTokenFamilies.hash(raw.toString());
	}
}
