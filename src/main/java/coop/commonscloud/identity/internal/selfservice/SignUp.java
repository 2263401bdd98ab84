package coop.commonscloud.identity.internal.selfservice;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.IdentityParameters;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.identity.SignedUp;
import coop.commonscloud.identity.internal.account.AccountService;
import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * People opening their own member account, while the region's setting {@code identity.sign-up.open} allows it, and as
 * its setting {@code identity.sign-up.mode} says: openly, with a steward's invite code (single use, 30 days), or
 * pending a steward's approval (a steward sets the account ACTIVE). Every sign-up gets an email verification.
 */
@Service
@RequiredArgsConstructor
public class SignUp {

	enum Mode {
		OPEN, INVITE, APPROVAL
	}

	sealed interface Outcome {
		/**
		 * The same answer whether or not an account already uses the address (its owner is mailed instead), so the
		 * form does not tell who is registered here.
		 */
		record Received(String username, String displayName, String email, boolean pending) implements Outcome {
		}

		record Refused(List<String> problems) implements Outcome {
		}
	}

	static final ParameterKey MODE = new ParameterKey("identity.sign-up.mode");
	static final String CLOSED = "The region is not taking sign-ups here: its stewards open accounts. "
			+ "Ask them, or a partner of the region, for one";
	private static final Duration INVITE_VALID_FOR = Duration.ofDays(30);

	private final AccountService accounts;
	private final AccountStore store;
	private final Mails mails;
	private final PlatformParameters parameters;
	private final SelfServiceStore links;
	private final Caller caller;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	boolean open() {
		return parameters.choiceAt(IdentityParameters.SIGN_UP, clock.instant()) == IdentityParameters.SignUp.OPEN;
	}

	Mode mode() {
		return Mode.values()[parameters.current(MODE).amount().intValueExact()];
	}

	@Transactional
	Outcome signUp(String username, String displayName, String email, String password, String inviteCode) {
		if (!open()) {
			return new Outcome.Refused(List.of(CLOSED));
		}
		Mode mode = mode();
		if (email == null || email.isBlank()) {
			return new Outcome.Refused(List.of("Give your email address: it is how you can reset a forgotten password"));
		}
		try {
			// an address already in use: every other check still runs (on an account without the address, rolled
			// back), so the answer and the time it takes are those of a new address
			Optional<Account> owner = store.findByEmail(email.strip());
			NewAccount request = new NewAccount(username == null ? null : username.strip(), displayName, password,
					Role.MEMBER, null, owner.isPresent() ? null : email.strip());
			Account account = accounts.openUnchecked(request,
					mode == Mode.APPROVAL ? AccountStatus.PENDING : AccountStatus.ACTIVE);
			if (mode == Mode.INVITE && !redeem(inviteCode, account)) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
				return new Outcome.Refused(List.of("Joining needs an invite code from a steward of the region; "
						+ "this one is missing, unknown, used or expired"));
			}
			if (owner.isPresent()) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
				mails.send(owner.get().email(), "Someone tried to open an account with your address",
						"Someone, perhaps you, tried to open a new account at Commons Cloud with this address. You already "
								+ "have one, with the username '" + owner.get().username() + "', so no account was opened."
								+ "\n\nIf you forgot your password, choose a new one with 'Forgot your password?' on the sign-in "
								+ "page. If it was not you, nothing changed and you can ignore this mail.");
			}
			if (owner.isEmpty()) {
				events.publishEvent(new SignedUp(account.id(), clock.instant()));
			}
			return new Outcome.Received(account.username(), account.displayName(), email.strip(),
					account.status() == AccountStatus.PENDING);
		} catch (InvalidInput e) {
			return new Outcome.Refused(e.problems());
		} catch (Conflict e) {
			return new Outcome.Refused(List.of(e.getMessage()));
		}
	}

	/** A new single-use invite code; only stewards make them. The code is shown this once. */
	@Transactional
	public String invite(String note) {
		caller.requireSteward();
		byte[] bytes = new byte[15];
		random.nextBytes(bytes);
		String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		links.insertInvite(RefreshTokenFamilies.hash(code), caller.actor(), note, clock.instant().plus(INVITE_VALID_FOR));
		return code;
	}

	private boolean redeem(String code, Account account) {
		if (code == null || code.isBlank()) {
			return false;
		}
		return links.redeemInvite(RefreshTokenFamilies.hash(code.strip()), account.id());
	}
}
