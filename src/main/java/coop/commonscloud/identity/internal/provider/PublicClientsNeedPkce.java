package coop.commonscloud.identity.internal.provider;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;

/**
 * Tried last at the token endpoint: a code exchange that names a client but brings neither a
 * secret nor a PKCE verifier is refused with a clear error, not a bare 401.
 */
final class PublicClientsNeedPkce implements AuthenticationConverter {

	static final String MISSING = "code_verifier is missing: a public client must prove its code with PKCE (RFC 7636)";
	private static final HttpMessageConverter<OAuth2Error> ERRORS = new OAuth2ErrorHttpMessageConverter();

	/**
	 * Client-authentication errors: as Spring Authorization Server answers them (the error code
	 * only, so nothing is revealed about clients), except the missing verifier, which is explained.
	 */
	static AuthenticationFailureHandler errors() {
		return (request, response, exception) -> {
			OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
			ServletServerHttpResponse http = new ServletServerHttpResponse(response);
			http.setStatusCode(OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode()) ? HttpStatus.UNAUTHORIZED
					: HttpStatus.BAD_REQUEST);
			ERRORS.write(MISSING.equals(error.getDescription()) ? error : new OAuth2Error(error.getErrorCode()), null, http);
		};
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		boolean codeExchange = "authorization_code".equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
		boolean namesClient = request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null;
		boolean noCredentials = request.getHeader("Authorization") == null
				&& request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) == null
				&& request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) == null
				&& request.getParameter(PkceParameterNames.CODE_VERIFIER) == null;
		if (codeExchange && namesClient && noCredentials) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, MISSING, null));
		}
		return null;
	}
}
