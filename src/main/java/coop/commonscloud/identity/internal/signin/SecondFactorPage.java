package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.signin.SignInEvents.Kind;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.identity.internal.web.SignedInAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in, for accounts with TOTP: the password was right, the person is not
 * signed in yet. Five wrong codes send them back to the password (and its throttle).
 */
@Controller
@RequiredArgsConstructor
class SecondFactorPage {

	static final String PENDING = SecondFactorPage.class.getName() + ".pending";
	private static final String ATTEMPTS = SecondFactorPage.class.getName() + ".attempts";
	private static final int MAX_ATTEMPTS = 5;

	private final SecondFactor secondFactor;
	private final SignInEvents events;
	private final AccountSessions sessions;
	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	@GetMapping("/login/second-factor")
	String ask(HttpSession session) {
		return session.getAttribute(PENDING) == null ? "redirect:/login" : "identity/second-factor";
	}

	@PostMapping("/login/second-factor")
	String check(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		Authentication pending = session == null ? null : (Authentication) session.getAttribute(PENDING);
		if (pending == null) {
			return "redirect:/login";
		}
		SignedInAccount account = (SignedInAccount) pending.getPrincipal();
		if (!secondFactor.verify(account.accountId(), code)) {
			int attempts = session.getAttribute(ATTEMPTS) instanceof Integer n ? n + 1 : 1;
			events.record(new SignInEvent(Kind.PASSWORD, account.accountId(), Username.canonical(account.getUsername()),
					null, false, "wrong second factor", request.getRemoteAddr()));
			if (attempts >= MAX_ATTEMPTS) {
				session.removeAttribute(PENDING);
				session.removeAttribute(ATTEMPTS);
				return "redirect:/login?error";
			}
			session.setAttribute(ATTEMPTS, attempts);
			model.addAttribute("problem", "That code is not right, or was used already: type the code your app shows "
					+ "now, or one of your recovery codes");
			return "identity/second-factor";
		}
		session.removeAttribute(PENDING);
		session.removeAttribute(ATTEMPTS);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(pending);
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		sessions.signedIn(account.accountId(), request);
		events.record(new SignInEvent(Kind.PASSWORD, account.accountId(), Username.canonical(account.getUsername()), null,
				true, "signed in with a second factor", request.getRemoteAddr()));
		SavedRequest saved = savedRequests.getRequest(request, response);
		return "redirect:" + (saved == null ? "/manage" : saved.getRedirectUrl());
	}
}
