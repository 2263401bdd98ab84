package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.internal.SignInEvents.Kind;
import coop.commonscloud.identity.internal.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.domain.Username;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Records successful form sign-ins, then continues as Spring Security would. */
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
			events.record(new SignInEvent(Kind.PASSWORD, account.accountId(), Username.canonical(account.getUsername()), null, true,
					"signed in", request.getRemoteAddr()));
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failure(String failureUrl) {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(failureUrl);
		// failures are recorded where passwords are checked (ThrottledPasswords), for the API's Basic auth too
		return next;
	}
}
