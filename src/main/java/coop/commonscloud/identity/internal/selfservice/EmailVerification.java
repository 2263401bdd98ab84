package coop.commonscloud.identity.internal.selfservice;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Proves that a person reads the address on their account: a mail with a single-use link, valid
 * for three days, whose token is kept only as its SHA-256. Following it marks the address
 * verified, which services see as {@code email_verified}.
 */
@Service
public class EmailVerification {

	sealed interface Outcome {
		record Verified(String email) implements Outcome {
		}

		record Refused(String reason) implements Outcome {
		}
	}

	static final Duration VALID_FOR = Duration.ofDays(3);

	private final SelfServiceStore store;
	private final AccountStore accounts;
	private final Mails mails;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	EmailVerification(SelfServiceStore store, AccountStore accounts, Mails mails, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.mails = mails;
		this.clock = clock;
	}

	/** Records a token for the account's address and mails the link once the transaction commits. */
	public void start(Account account) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		store.insertVerification(RefreshTokenFamilies.hash(token), account.id(), account.email(),
				clock.instant().plus(VALID_FOR));
		String link = mails.link("/verify-email?token=" + token);
		Runnable mail = () -> mails.send(account.email(), "Confirm your email address for Commons Cloud",
				"Hello " + account.displayName() + ",\n\nplease confirm that " + account.email()
						+ " is your address by opening this link within three days:\n\n" + link
						+ "\n\nIf you did not open an account with Commons Cloud, ignore this mail.\n");
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					mail.run();
				}
			});
		} else {
			mail.run();
		}
	}

	@Transactional
	Outcome verify(String token) {
		if (token == null || token.isBlank()) {
			return new Outcome.Refused("The link has no token: open the whole link from the mail");
		}
		var pending = store.lockVerification(RefreshTokenFamilies.hash(token));
		if (pending.isEmpty()) {
			return new Outcome.Refused("This link is not known: open the link from the latest mail");
		}
		SelfServiceStore.PendingVerification found = pending.get();
		if (found.used()) {
			return new Outcome.Refused("This link was already used: the address is verified");
		}
		if (clock.instant().isAfter(found.expiresAt())) {
			return new Outcome.Refused("This link has expired: ask for a new one on your account page");
		}
		boolean changed = accounts.markEmailVerified(found.accountId(), found.email());
		store.useVerification(RefreshTokenFamilies.hash(token));
		return changed ? new Outcome.Verified(found.email())
				: new Outcome.Refused("The account's address has changed since this link was sent");
	}
}
