package coop.commonscloud.identity.internal.selfservice;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.provider.IssuedTokens;
import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a person who forgot their password set a new one through a link mailed to their verified
 * or unverified address: single use, valid an hour, the token kept only as its SHA-256. Setting
 * the new password revokes every token issued to the account. Whether an account exists is never
 * revealed to the asker, and at most three links an hour are sent for one account.
 */
@Service
class PasswordReset {

	sealed interface Outcome {
		record Changed(String username) implements Outcome {
		}

		record Refused(String reason) implements Outcome {
		}
	}

	static final Duration VALID_FOR = Duration.ofHours(1);
	private static final int LINKS_PER_HOUR = 3;

	private final AccountStore accounts;
	private final SelfServiceStore store;
	private final Mails mails;
	private final PasswordEncoder passwords;
	private final IssuedTokens tokens;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	PasswordReset(AccountStore accounts, SelfServiceStore store, Mails mails, PasswordEncoder passwords, IssuedTokens tokens, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.mails = mails;
		this.passwords = passwords;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Mails a link if {@code who} is the username or address of an active account with an address. */
	@Transactional
	void request(String who) {
		if (who == null || who.isBlank() || who.length() > 254) {
			return;
		}
		Optional<Account> account = who.contains("@") ? accounts.findByEmail(who.strip())
				: accounts.findByUsername(who.strip()).map(AccountStore.StoredAccount::account);
		if (account.isEmpty() || account.get().email() == null || !account.get().active()) {
			return;
		}
		Account found = account.get();
		if (store.resetsInLastHour(found.id()) >= LINKS_PER_HOUR) {
			return;
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		store.insertReset(RefreshTokenFamilies.hash(token), found.id(), clock.instant().plus(VALID_FOR));
		mails.send(found.email(), "Set a new password for Commons Cloud", "Hello " + found.displayName()
				+ ",\n\nsomeone (we hope you) asked to set a new password for the account '" + found.username()
				+ "'. Open this link within an hour to choose one:\n\n" + mails.link("/password-reset/new?token=" + token)
				+ "\n\nIf it was not you, ignore this mail: your password stays as it is.\n");
	}

	static final String INVALID_LINK = "This link is not valid: it was used already, has expired, or is incomplete. "
			+ "Ask for a new one.";

	/** Whether the link is still good, without using it. */
	boolean valid(String token) {
		return pending(token).isPresent();
	}

	@Transactional
	Outcome change(String token, String password, String repeated) {
		Optional<UUID> account = pending(token);
		if (account.isEmpty()) {
			return new Outcome.Refused(INVALID_LINK);
		}
		if (password == null || password.length() < NewAccount.MINIMUM_PASSWORD_LENGTH || password.length() > 1000) {
			return new Outcome.Refused("A password is at least " + NewAccount.MINIMUM_PASSWORD_LENGTH + " characters long");
		}
		if (!password.equals(repeated)) {
			return new Outcome.Refused("The two passwords differ: type the same one twice");
		}
		accounts.setPasswordHash(account.get(), passwords.encode(password));
		store.useResets(account.get());
		Account changed = accounts.findById(account.get()).orElseThrow();
		tokens.revokeAllOf(changed);
		return new Outcome.Changed(changed.username());
	}

	private Optional<UUID> pending(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return store.pendingReset(RefreshTokenFamilies.hash(token));
	}
}
