package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.internal.provider.IssuedTokens;
import coop.commonscloud.platform.ForwardedWrite;
import coop.commonscloud.platform.InvalidInput;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A password change made at a site of the mesh, applied at the core. The core checks the current
 * password itself, so a site can change only a password its owner knows.
 */
@Component
@RequiredArgsConstructor
class ForwardedPasswordChange implements ForwardedWrite {

	static final String KIND = "password-change";

	private final AccountStore accounts;
	private final PasswordEncoder passwords;
	private final IssuedTokens tokens;

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	@Transactional
	public void apply(Map<String, String> fields) {
		String password = fields.get("password");
		AccountStore.StoredAccount stored = accounts.findByUsername(String.valueOf(fields.get("username")))
				.filter(found -> fields.get("current") != null && passwords.matches(fields.get("current"), found.passwordHash()))
				.orElseThrow(() -> new InvalidInput("Your current password is not right"));
		if (password == null || password.length() < NewAccount.MINIMUM_PASSWORD_LENGTH || password.length() > 1000) {
			throw new InvalidInput("A password is at least " + NewAccount.MINIMUM_PASSWORD_LENGTH + " characters long");
		}
		accounts.setPasswordHash(stored.account().id(), passwords.encode(password));
		tokens.revokeAllOf(stored.account());
	}
}
