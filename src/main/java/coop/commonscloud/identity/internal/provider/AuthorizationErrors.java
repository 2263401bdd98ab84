package coop.commonscloud.identity.internal.provider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Errors of the authorization endpoint. When the client or its redirect URI cannot be trusted the
 * person stays here and is told what was wrong (the standard behaviour shows a bare 400); other
 * errors go back to the service as RFC 6749 demands.
 */
final class AuthorizationErrors implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationException failure =
				(OAuth2AuthorizationCodeRequestAuthenticationException) exception;
		OAuth2Error error = failure.getError();
		OAuth2AuthorizationCodeRequestAuthenticationToken attempt = failure.getAuthorizationCodeRequestAuthentication();
		if (attempt == null || !StringUtils.hasText(attempt.getRedirectUri())) {
			page(response, error);
			return;
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(attempt.getRedirectUri())
				.queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (StringUtils.hasText(error.getDescription())) {
			uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
		}
		if (StringUtils.hasText(error.getUri())) {
			uri.queryParam(OAuth2ParameterNames.ERROR_URI, UriUtils.encode(error.getUri(), StandardCharsets.UTF_8));
		}
		if (StringUtils.hasText(attempt.getState())) {
			uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(attempt.getState(), StandardCharsets.UTF_8));
		}
		response.sendRedirect(uri.build(true).toUriString());
	}

	private static void page(HttpServletResponse response, OAuth2Error error) throws IOException {
		String description = String.valueOf(error.getDescription());
		String what;
		if (description.contains(OAuth2ParameterNames.REDIRECT_URI)) {
			what = "The service sent you here with a redirect_uri it has not registered with the region, so you are not "
					+ "sent back to it. Tell the service's operator; they must use a registered redirect URI.";
		} else if (description.contains(OAuth2ParameterNames.CLIENT_ID)) {
			what = "The service that sent you here is not registered with the region (unknown client_id).";
		} else {
			what = "The sign-in request is not valid: " + error;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused"
				+ " – Commons Cloud</title></head><body><main><h1>Sign-in refused</h1><p>" + HtmlUtils.htmlEscape(what)
				+ "</p><p><small>" + HtmlUtils.htmlEscape(error.getErrorCode() + ": " + error.getDescription())
				+ "</small></p></main></body></html>");
	}
}
