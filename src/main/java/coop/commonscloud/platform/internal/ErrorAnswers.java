package coop.commonscloud.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Errors that never reach a controller (Tomcat's own 400 for a broken request, 413, 415, a refusal
 * by {@link StrictRequests}) are answered here, at /error: as an RFC 9457 problem detail like every
 * other API error, or as the error page for a browser. Boot's own controller answers plain JSON.
 */
@Controller
class ErrorAnswers extends BasicErrorController {

	ErrorAnswers(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
		super(attributes, web.getError(), resolvers.orderedStream().toList());
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return ResponseEntity.noContent().build();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status, request));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.put("instance", path);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A refusal by {@link StrictRequests} says on the error page what was wrong. */
	@Override
	protected ErrorAttributeOptions getErrorAttributeOptions(HttpServletRequest request, MediaType mediaType) {
		ErrorAttributeOptions options = super.getErrorAttributeOptions(request, mediaType);
		return request.getAttribute(StrictRequests.REFUSAL) != null ? options.including(ErrorAttributeOptions.Include.MESSAGE)
				: options;
	}

	private static String detail(HttpStatus status, HttpServletRequest request) {
		Object refusal = request.getAttribute(StrictRequests.REFUSAL);
		if (refusal != null) {
			return refusal.toString();
		}
		return switch (status) {
			case PAYLOAD_TOO_LARGE -> "The request is larger than this server takes (uploads: 2 MB); send a smaller one";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not take content of type '" + request.getContentType()
					+ "'; send application/json, or see docs/api.md for the type it takes";
			case NOT_ACCEPTABLE -> "This address cannot answer in the media type asked for in 'Accept'; ask for application/json";
			case METHOD_NOT_ALLOWED -> "This address does not take " + request.getMethod() + " requests";
			case NOT_FOUND -> "There is nothing at this address";
			case BAD_REQUEST -> "The request could not be read" + reason(request)
					+ "; check the address, its query and the headers";
			default -> status.is4xxClientError() ? status.getReasonPhrase()
					: "Something went wrong on our side and nothing was changed; please try again or tell a steward";
		};
	}

	/** Tomcat's reason for a 400, such as an invalid character in the request target; never an exception's message. */
	private static String reason(HttpServletRequest request) {
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null && message instanceof String text
				&& !text.isBlank() ? ": " + text : "";
	}
}
