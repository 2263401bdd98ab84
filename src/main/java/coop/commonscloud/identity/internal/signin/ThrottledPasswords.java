package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.signin.SignInEvents.Kind;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.domain.SignInVerdict;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.identity.internal.web.SignedInAccount;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in (form and HTTP Basic) behind the brute-force throttle: an attempt the throttle
 * refuses is not checked at all, so even the right password waits out a delay or a lockout. Every
 * failure is recorded as a sign-in event, which is what the throttle counts.
 */
@RequiredArgsConstructor
public class ThrottledPasswords implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInThrottle throttle;
	private final SignInEvents events;
	private final SecondFactor secondFactor;

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = Username.canonical(attempt.getName());
		String source = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		SignInVerdict verdict = throttle.check(username, source);
		if (verdict instanceof SignInVerdict.Wait wait) {
			throw refused(username, source, wait.reason(), new SignInRefused(wait.reason(), wait.retryAfter()));
		}
		if (verdict instanceof SignInVerdict.LockedOut locked) {
			throw refused(username, source, locked.reason(), new SignInRefused(locked.reason(), locked.retryAfter()));
		}
		Authentication authenticated;
		try {
			authenticated = passwords.authenticate(attempt);
		} catch (BadCredentialsException e) {
			throw refused(username, source, SignInThrottle.WRONG_PASSWORD, e);
		} catch (DisabledException e) {
			throw refused(username, source, "account not active", e);
		}
		if (authenticated.getPrincipal() instanceof SignedInAccount account && !formSignIn()
				&& secondFactor.enabled(account.accountId())) {
			throw refused(username, source, "second factor needed", new SecondFactorRequired());
		}
		return authenticated;
	}

	/** Only the sign-in form goes on to ask for a second factor; HTTP Basic cannot. */
	private static boolean formSignIn() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& "POST".equals(request.getRequest().getMethod())
				&& "/login".equals(request.getRequest().getServletPath());
	}

	private AuthenticationException refused(String username, String source, String reason, AuthenticationException e) {
		events.record(new SignInEvent(Kind.PASSWORD, null, username, null, false, reason, source));
		return e;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
