package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.internal.SignInEvents.Kind;
import coop.commonscloud.identity.internal.SignInEvents.SignInEvent;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Records every form sign-in, successful or not, then continues as Spring Security would. */
@Component
class PasswordSignIns {

	private final SignInEvents events;

	PasswordSignIns(SignInEvents events) {
		this.events = events;
	}

	AuthenticationSuccessHandler success(String defaultTarget) {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
		next.setDefaultTargetUrl(defaultTarget);
		return (request, response, authentication) -> {
			SignedInAccount account = (SignedInAccount) authentication.getPrincipal();
			events.record(new SignInEvent(Kind.PASSWORD, account.accountId(), account.getUsername(), null, true,
					"signed in", request.getRemoteAddr()));
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failure(String failureUrl) {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(failureUrl);
		return (request, response, exception) -> {
			events.record(new SignInEvent(Kind.PASSWORD, null, request.getParameter("username"), null, false,
					reason(exception), request.getRemoteAddr()));
			next.onAuthenticationFailure(request, response, exception);
		};
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof BadCredentialsException) {
			return "wrong username or password";
		}
		if (exception instanceof DisabledException) {
			return "account not active";
		}
		return exception.getClass().getSimpleName();
	}
}
