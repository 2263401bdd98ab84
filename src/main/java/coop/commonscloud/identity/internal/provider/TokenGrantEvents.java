package coop.commonscloud.identity.internal.provider;

import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.signin.SignInEvents.Kind;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.signin.SignInEvents;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** Records code exchanges and refresh grants, then answers as the token endpoint normally does ({@link GrantContext}). */
@Component
@RequiredArgsConstructor
class TokenGrantEvents {

	/** The reason a successful grant's event gives. */
	static final String GRANTED = "granted";

	private final SignInEvents events;
	private final GrantContext grant;
	private final AuthenticationSuccessHandler answer = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
	private final AuthenticationFailureHandler error = new OAuth2ErrorAuthenticationFailureHandler();

	AuthenticationSuccessHandler success() {
		return (request, response, authentication) -> {
			Kind kind = kind(request);
			if (kind != null && authentication instanceof OAuth2AccessTokenAuthenticationToken grant
					&& !this.grant.isRecorded()) {
				events.record(new SignInEvent(kind, subject(grant.getAccessToken().getTokenValue()), null,
						grant.getRegisteredClient().getClientId(), true, GRANTED, request.getRemoteAddr()));
			}
			answer.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			Kind kind = kind(request);
			if (kind != null) {
				events.record(new SignInEvent(kind, null, null, clientId(request), false, reason(exception),
						request.getRemoteAddr()));
			}
			error.onAuthenticationFailure(request, response, exception);
		};
	}

	private static Kind kind(HttpServletRequest request) {
		String grant = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		if ("authorization_code".equals(grant)) {
			return Kind.CODE_EXCHANGE;
		}
		return "refresh_token".equals(grant) ? Kind.REFRESH : null;
	}

	/** The account the tokens were issued to: as {@link TokenClaims} found it, else the access token's subject. */
	private UUID subject(String accessToken) {
		if (grant.accountId() != null) {
			return grant.accountId();
		}
		try {
			return UUID.fromString(SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject());
		} catch (ParseException | IllegalArgumentException | NullPointerException e) {
			return null;
		}
	}

	private static String clientId(HttpServletRequest request) {
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		if (client instanceof OAuth2ClientAuthenticationToken token && token.getRegisteredClient() != null) {
			return token.getRegisteredClient().getClientId();
		}
		return request.getParameter(OAuth2ParameterNames.CLIENT_ID);
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth) {
			String description = oauth.getError().getDescription();
			return oauth.getError().getErrorCode() + (description == null ? "" : ": " + description);
		}
		return exception.getClass().getSimpleName();
	}
}
