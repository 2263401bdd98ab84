package coop.commonscloud.governance.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a voter in an anonymous poll holds: 32 random bytes, shown once. Only its SHA-256 is
 * stored with the ballot, so nobody who reads the database can tell whose ballot it is, and only
 * the holder can change it.
 */
public record BallotToken(String secret) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public BallotToken {
		if (secret == null || !secret.strip().matches("[A-Za-z0-9_-]{43}")) {
			throw new coop.commonscloud.platform.InvalidInput(
					"A ballot token is the 43 letters, digits, '-' and '_' you were shown when you first voted");
		}
		secret = secret.strip();
	}

	public static BallotToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new BallotToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	public String hash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	@Override
	public String toString() {
		return "BallotToken[hidden]";
	}
}
