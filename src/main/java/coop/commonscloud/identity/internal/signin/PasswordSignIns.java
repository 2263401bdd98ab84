package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.signin.SignInEvents.Kind;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.domain.Username;
import coop.commonscloud.identity.internal.web.SignedInAccount;
import coop.commonscloud.identity.FirstSteps;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Records successful form sign-ins, then continues as Spring Security would. */
@Component
@RequiredArgsConstructor
public class PasswordSignIns {

	private final SignInEvents events;
	private final SecondFactor secondFactor;
	private final AccountSessions sessions;
	private final ObjectProvider<FirstSteps> firstSteps;
	private final RequestCache savedRequests = new HttpSessionRequestCache();

	public AuthenticationSuccessHandler success(String defaultTarget) {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
		next.setDefaultTargetUrl(defaultTarget);
		return (request, response, authentication) -> {
			SignedInAccount account = (SignedInAccount) authentication.getPrincipal();
			if (secondFactor.enabled(account.accountId())) {
				// not signed in yet: the second step finishes the sign-in
				SecurityContextHolder.clearContext();
				request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
				request.getSession().setAttribute(SecondFactorPage.PENDING, authentication);
				response.sendRedirect(request.getContextPath() + "/login/second-factor");
				return;
			}
			sessions.signedIn(account.accountId(), request);
			events.record(new SignInEvent(Kind.PASSWORD, account.accountId(), Username.canonical(account.getUsername()), null, true,
					"signed in", request.getRemoteAddr()));
			if (savedRequests.getRequest(request, response) == null && firstSteps.stream()
					.anyMatch(steps -> steps.unfinished(account.accountId()))) {
				// a newcomer who did not ask for a page: on to their first steps
				response.sendRedirect(request.getContextPath() + FirstSteps.PATH);
				return;
			}
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	public AuthenticationFailureHandler failure(String failureUrl) {
		SimpleUrlAuthenticationFailureHandler next = new SimpleUrlAuthenticationFailureHandler(failureUrl);
		// failures are recorded where passwords are checked (ThrottledPasswords), for the API's Basic auth too
		return next;
	}
}
