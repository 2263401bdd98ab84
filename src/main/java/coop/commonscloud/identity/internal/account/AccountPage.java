package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.FirstSteps;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.internal.provider.ConnectedServices;
import coop.commonscloud.identity.internal.provider.IssuedTokens;
import coop.commonscloud.identity.internal.signin.AccountSessions;
import coop.commonscloud.identity.internal.signin.SecondFactor;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.RegionData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own account: profile, password, second factor, and the services they are connected to. */
@Controller
class AccountPage {

	private final AccountStore accounts;
	private final PasswordEncoder passwords;
	private final ConnectedServices services;
	private final IssuedTokens tokens;
	private final SecondFactor secondFactor;
	private final AccountSessions sessions;
	private final RegionData regionData;
	private final ObjectProvider<FirstSteps> firstSteps;

	private static final String SETUP_SECRET = AccountPage.class.getName() + ".totp-secret";

	AccountPage(AccountStore accounts, PasswordEncoder passwords, ConnectedServices services, IssuedTokens tokens,
			SecondFactor secondFactor, AccountSessions sessions, ObjectProvider<RegionData> regionData,
			ObjectProvider<FirstSteps> firstSteps) {
		this.firstSteps = firstSteps;
		this.regionData = regionData.getIfAvailable(() -> RegionData.HERE);
		this.accounts = accounts;
		this.passwords = passwords;
		this.services = services;
		this.tokens = tokens;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
	}

	@GetMapping("/account")
	String show(Principal principal, Model model) {
		AccountStore.StoredAccount stored = accounts.findByUsername(principal.getName()).orElseThrow();
		model.addAttribute("account", stored.account());
		model.addAttribute("services", services.of(stored.account().username()));
		model.addAttribute("secondFactor", secondFactor.enabled(stored.account().id()));
		model.addAttribute("firstStepsLeft", firstSteps.stream().anyMatch(steps -> steps.unfinished(stored.account().id())));
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		model.addAttribute("sessions", sessions.of(stored.account().id(), request));
		return "identity/account";
	}

	/** Ends one of the person's browser sessions: that browser is signed out at its next request. */
	@PostMapping("/account/sessions/end")
	String endSession(Principal principal, @RequestParam("session") UUID session) {
		sessions.end(accounts.findByUsername(principal.getName()).orElseThrow().account().id(), session);
		return "redirect:/account?session-ended";
	}

	/** Starts setting up TOTP: a fresh secret, kept in the session until the person proves their app has it. */
	@PostMapping("/account/second-factor/start")
	String startSecondFactor(Principal principal, HttpSession session, Model model) {
		String secret = secondFactor.newSecret();
		session.setAttribute(SETUP_SECRET, secret);
		model.addAttribute("setupSecret", secret);
		model.addAttribute("setupUri", SecondFactor.otpauthUri(principal.getName(), secret));
		return show(principal, model);
	}

	@PostMapping("/account/second-factor/enable")
	String enableSecondFactor(Principal principal, HttpSession session,
			@RequestParam(name = "code", required = false) String code, Model model) {
		String secret = (String) session.getAttribute(SETUP_SECRET);
		AccountStore.StoredAccount stored = accounts.findByUsername(principal.getName()).orElseThrow();
		List<String> recoveryCodes = secondFactor.enable(stored.account().id(), secret, code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("setupProblem", "That code is not right: type the code your app shows now");
			model.addAttribute("setupSecret", secret);
			model.addAttribute("setupUri", secret == null ? null : SecondFactor.otpauthUri(principal.getName(), secret));
			return show(principal, model);
		}
		session.removeAttribute(SETUP_SECRET);
		model.addAttribute("recoveryCodes", recoveryCodes);
		return show(principal, model);
	}

	/** Changing the password signs the person out of every service (their tokens are revoked). */
	@PostMapping("/account/password")
	@Transactional
	String changePassword(Principal principal, @RequestParam(name = "current", required = false) String current,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "repeated", required = false) String repeated, Model model) {
		AccountStore.StoredAccount stored = accounts.findByUsername(principal.getName()).orElseThrow();
		String problem = null;
		if (current == null || !passwords.matches(current, stored.passwordHash())) {
			problem = "Your current password is not right";
		} else if (password == null || password.length() < NewAccount.MINIMUM_PASSWORD_LENGTH || password.length() > 1000) {
			problem = "A password is at least " + NewAccount.MINIMUM_PASSWORD_LENGTH + " characters long";
		} else if (!password.equals(repeated)) {
			problem = "The two new passwords differ: type the same one twice";
		}
		if (problem != null) {
			model.addAttribute("passwordProblem", problem);
			return show(principal, model);
		}
		if (regionData.writtenHere()) {
			accounts.setPasswordHash(stored.account().id(), passwords.encode(password));
		} else {
			// at a site of the mesh the core changes it (replication brings the new hash back), or nobody does
			try {
				regionData.forward(ForwardedPasswordChange.KIND, Map.of("username", stored.account().username(),
						"current", current, "password", password), "password changes");
			} catch (Conflict | InvalidInput refused) {
				model.addAttribute("passwordProblem", refused.getMessage());
				return show(principal, model);
			}
		}
		tokens.revokeAllOf(stored.account());
		return "redirect:/account?password-changed";
	}

	@PostMapping("/account/services/revoke")
	String revoke(Principal principal, @RequestParam("clientId") String clientId) {
		services.revoke(principal.getName(), clientId);
		return "redirect:/account?revoked";
	}
}
