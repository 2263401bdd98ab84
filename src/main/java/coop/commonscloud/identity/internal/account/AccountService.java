package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.internal.provider.IssuedTokens;
import coop.commonscloud.identity.internal.selfservice.EmailVerification;
import coop.commonscloud.identity.internal.signin.AccountSessions;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.PartnerId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class AccountService implements Accounts {

	private final AccountStore store;
	private final PasswordEncoder passwords;
	private final Caller caller;
	private final IssuedTokens tokens;
	private final EmailVerification emails;
	private final AccountSessions sessions;
	private final Clock clock;

	@Override
	@Transactional
	public Account open(NewAccount request) {
		caller.requireSteward();
		return openUnchecked(request);
	}

	/** For bootstrap and demo data, which run before anyone is signed in. */
	Account openUnchecked(NewAccount request) {
		return openUnchecked(request, AccountStatus.ACTIVE);
	}

	/** Opens an account without a permission check: bootstrap, demo data and sign-up. */
	public Account openUnchecked(NewAccount request, AccountStatus status) {
		Username username = Username.of(request.username());
		if (username.mixesScripts()) {
			throw new InvalidInput("The username '" + request.username() + "' mixes letters of different scripts "
					+ "(Latin with Cyrillic or Greek, for example), which makes look-alikes of other names: use one script");
		}
		store.lookAlike(username).ifPresent(existing -> {
			throw new Conflict(Username.canonical(existing).equals(username.canonical())
					? "The username '" + existing + "' is taken"
					: "The username '" + request.username() + "' looks like the existing username '" + existing
							+ "': choose one that cannot be mistaken for it");
		});
		if (request.email() != null && store.emailTaken(request.email())) {
			throw new Conflict("Another account already uses the email address '" + request.email() + "'");
		}
		Account account = new Account(UUID.randomUUID(), username.shown(), request.displayName().strip(),
				request.role(), request.partnerId() == null ? null : new PartnerId(request.partnerId()), clock.instant(), request.email(), false, status);
		store.insert(account, username, passwords.encode(request.password()));
		if (account.email() != null) {
			emails.start(account);
		}
		return account;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Account> findByUsername(String username) {
		return store.findByUsername(username).map(AccountStore.StoredAccount::account);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Account> adminsOf(UUID partnerId) {
		caller.requireManages(new PartnerId(partnerId));
		return store.adminsOf(partnerId);
	}

	@Override
	@Transactional
	public Account changeStatus(UUID accountId, AccountStatus status) {
		caller.requireSteward();
		Account account = store.findById(accountId)
				.orElseThrow(() -> new NotFound("There is no account with the id " + accountId));
		store.setStatus(accountId, status);
		if (status != AccountStatus.ACTIVE) {
			tokens.revokeAllOf(account);
			sessions.endAllOf(accountId);
		}
		return store.findById(accountId).orElseThrow();
	}
}
