package coop.commonscloud.identity.internal.web;

import coop.commonscloud.identity.internal.provider.ConsentPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The pages' Content-Security-Policy: scripts, styles, images and frames only from this origin (the templates have no
 * inline script or style), never framed elsewhere. Forms post only here, except the sign-in and consent forms: their
 * answer redirects to a client's redirect URI, which browsers check against {@code form-action} too, so those two may
 * also go where a redirect URI may point (https, or http on the local machine; see NewClient).
 */
final class PagePolicy implements HeaderWriter {

	static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; "
			+ "form-action 'self'";

	static final String SIGN_IN_POLICY = POLICY + " https: http://localhost:* http://127.0.0.1:* http://[::1]:*";

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader("Content-Security-Policy")) {
			response.setHeader("Content-Security-Policy", leadsToAClient(request) ? SIGN_IN_POLICY : POLICY);
		}
	}

	private static boolean leadsToAClient(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/login") || path.equals(ConsentPage.PATH);
	}
}
