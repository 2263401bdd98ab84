package coop.commonscloud.identity.internal.selfservice;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;
	private final Mails mails;
	private final Clock clock;
	private final String publicUrl;
	private final SecureRandom random = new SecureRandom();

	EmailVerification(JdbcClient jdbc, Mails mails, Clock clock,
			@Value("${commonscloud.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Records a token for the account's address and mails the link once the transaction commits. */
	public void start(Account account) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("insert into email_verification (token_hash, account_id, email, expires_at) "
				+ "values (:hash, :account, :email, :expires)")
				.param("hash", RefreshTokenFamilies.hash(token))
				.param("account", account.id())
				.param("email", account.email())
				.param("expires", Timestamp.from(clock.instant().plus(VALID_FOR)))
				.update();
		String link = publicUrl + "/verify-email?token=" + token;
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
		var pending = jdbc.sql("select account_id, email, expires_at, used_at from email_verification "
				+ "where token_hash = :hash for update")
				.param("hash", RefreshTokenFamilies.hash(token))
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) })
				.optional();
		if (pending.isEmpty()) {
			return new Outcome.Refused("This link is not known: open the link from the latest mail");
		}
		Object[] row = pending.get();
		if (row[3] != null) {
			return new Outcome.Refused("This link was already used: the address is verified");
		}
		if (clock.instant().isAfter((Instant) row[2])) {
			return new Outcome.Refused("This link has expired: ask for a new one on your account page");
		}
		int changed = jdbc.sql("update account set email_verified = true where id = :id and lower(email) = lower(:email)")
				.param("id", row[0]).param("email", row[1]).update();
		jdbc.sql("update email_verification set used_at = now() where token_hash = :hash")
				.param("hash", RefreshTokenFamilies.hash(token)).update();
		return changed == 1 ? new Outcome.Verified((String) row[1])
				: new Outcome.Refused("The account's address has changed since this link was sent");
	}
}
