package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.keys.KeySealing;
import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift either way) as a second factor,
 * with ten one-time recovery codes. Secrets are sealed with the key-encryption key; each time
 * step and recovery code signs in once per site.
 */
@Component
@RequiredArgsConstructor
public class SecondFactor {

	private static final int PERIOD = 30;

	private final SecondFactorStore store;
	private final KeySealing sealing;
	private final Clock clock;
	private final DefaultCodeGenerator codes = new DefaultCodeGenerator();

	public String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	public static String otpauthUri(String username, String secret) {
		String label = URLEncoder.encode("Commons Cloud:" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Commons%20Cloud&algorithm=SHA1&digits=6&period="
				+ PERIOD;
	}

	public boolean enabled(UUID account) {
		return store.exists(account);
	}

	/** Turns the factor on if {@code code} proves the person's app has {@code secret}; answers the recovery codes. */
	@Transactional
	public List<String> enable(UUID account, String secret, String code) {
		if (secret == null || matchingStep(secret, code) == null) {
			return List.of();
		}
		List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(10));
		store.replace(account, sealing.seal(secret.getBytes(StandardCharsets.US_ASCII), aad(account)),
				recovery.stream().map(recoveryCode -> RefreshTokenFamilies.hash(normal(recoveryCode))).toList());
		return recovery;
	}

	/** A current TOTP code not used here before, or an unused recovery code. */
	@Transactional
	boolean verify(UUID account, String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		String given = code.replaceAll("\\s", "");
		if (given.matches("\\d{6}")) {
			String secret = secret(account);
			Long step = secret == null ? null : matchingStep(secret, given);
			return step != null && store.useStep(account, step);
		}
		return store.useRecoveryCode(account, RefreshTokenFamilies.hash(normal(given)));
	}

	private String secret(UUID account) {
		byte[] sealed = store.sealedSecret(account).orElse(null);
		try {
			return sealed == null ? null : new String(sealing.open(sealed, aad(account)), StandardCharsets.US_ASCII);
		} catch (GeneralSecurityException e) {
			// sealed under another key-encryption key: only a recovery code signs this person in now
			return null;
		}
	}

	private Long matchingStep(String secret, String code) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return null;
		}
		long now = clock.millis() / 1000 / PERIOD;
		for (long step = now - 1; step <= now + 1; step++) {
			try {
				if (codes.generate(secret, step).equals(code.strip())) {
					return step;
				}
			} catch (CodeGenerationException e) {
				return null;
			}
		}
		return null;
	}

	private static String aad(UUID account) {
		return "totp:" + account;
	}

	private static String normal(String recoveryCode) {
		return recoveryCode.strip().toLowerCase(Locale.ROOT);
	}
}
