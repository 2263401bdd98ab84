package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.StrictInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, for every request, query parameters, form fields and uploaded text files that hold text
 * the database cannot store (see {@link StrictInput}), and bodies larger than {@value #MAX_BODY_BYTES}
 * bytes. JSON bodies are checked where they are read ({@link StrictJson}). The refusal is answered by
 * {@link ErrorAnswers}: a problem detail for the API, the error page for pages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StrictRequests extends OncePerRequestFilter {

	/** The largest request body taken; uploads have their own, smaller limit (spring.servlet.multipart). */
	static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

	/** Set on a request refused here, so that the error page shows why. */
	static final String REFUSAL = StrictRequests.class.getName() + ".refusal";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request body is larger than "
					+ MAX_BODY_BYTES / (1024 * 1024) + " MiB; send less at once");
			return;
		}
		String problem = parameterProblem(request);
		if (problem == null && isMultipart(request)) {
			problem = uploadProblem(request);
		}
		if (problem != null) {
			refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String parameterProblem(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String inName = StrictInput.problem(parameter.getKey());
			if (inName != null) {
				return "A parameter's name " + inName;
			}
			for (String value : parameter.getValue()) {
				String problem = value == null ? null : StrictInput.problem(value);
				if (problem != null) {
					return "'" + parameter.getKey() + "' " + problem;
				}
			}
		}
		return null;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** A NUL byte in an uploaded text file (CSV); other files, such as PDFs, may hold any bytes. */
	private static String uploadProblem(HttpServletRequest request) throws IOException, ServletException {
		Iterable<Part> parts;
		try {
			parts = request.getParts();
		} catch (IllegalStateException | ServletException tooLargeOrBroken) {
			return null; // the multipart resolver meets the same failure and answers it (413 or 400)
		}
		for (Part part : parts) {
			if (part.getSubmittedFileName() == null || !isText(part)) {
				continue;
			}
			byte[] bytes;
			try (InputStream in = part.getInputStream()) {
				bytes = in.readAllBytes();
			}
			for (int i = 0, line = 1; i < bytes.length; i++) {
				if (bytes[i] == 0) {
					return "'" + part.getName() + "' (" + part.getSubmittedFileName() + ") contains a NUL byte on line "
							+ line + "; a text file must not hold one: export it again as CSV (UTF-8)";
				}
				if (bytes[i] == '\n') {
					line++;
				}
			}
		}
		return null;
	}

	private static boolean isText(Part part) {
		String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
		String name = part.getSubmittedFileName().toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String problem)
			throws IOException {
		request.setAttribute(REFUSAL, problem);
		response.sendError(status, problem);
	}
}
