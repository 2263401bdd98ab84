package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.StrictInput;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail that says what was wrong and
 * what to do. Input problems carry the list of problems in {@code problems}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput e) {
		ProblemDetail problem = problem(KnownProblem.of(e));
		problem.setProperty("problems", e.problems());
		return problem;
	}

	@ExceptionHandler({ NotFound.class, NotPermitted.class, Conflict.class })
	ProblemDetail known(RuntimeException e) {
		return problem(KnownProblem.of(e));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException e) {
		return problem(HttpStatus.CONFLICT, "Conflict", "A record with the same name or key already exists");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"'" + e.getName() + "' could not be read from '" + e.getValue() + "'");
		problem.setProperty("problems", List.of(problem.getDetail()));
		return problem;
	}

	/**
	 * An upload sent as something other than multipart/form-data (too large an upload is a
	 * {@code MaxUploadSizeExceededException}, answered 413 by the handler this class extends).
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", NOT_MULTIPART);
		problem.setProperty("problems", List.of(NOT_MULTIPART));
		return problem;
	}

	static final String NOT_MULTIPART = "This address takes a file upload: send it as multipart/form-data, the file in"
			+ " the part the documentation names (docs/api.md)";

	/** A write of region data at a site of the mesh, refused by the database's guard; else unforeseen. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ProblemDetail dataAccess(org.springframework.dao.DataAccessException e) {
		if (ReplicaRefusal.causedBy(e)) {
			return problem(KnownProblem.REPLICA_REFUSAL);
		}
		return unexpected(e);
	}

	/** Anything unforeseen: logged in full here, answered without internals. */
	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException e) {
		log.error("Unexpected error answering an API request", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side and nothing was changed; please try again or tell a steward");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof InvalidInput invalid) {
			return ResponseEntity.badRequest().body(invalid(invalid));
		}
		String reason = cause instanceof MismatchedInputException mismatch ? describe(mismatch)
				: "The request body is not valid JSON: " + firstLine(cause.getMessage());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", reason);
		problem.setProperty("problems", List.of(reason));
		return ResponseEntity.badRequest().body(problem);
	}

	/** Names the field and what it takes, without Java type names. */
	private static String describe(MismatchedInputException e) {
		String field = e.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.orElse("the body");
		if (e instanceof StrictInput.Refused refused) {
			return "'" + field + "' " + refused.reason();
		}
		Class<?> target = e.getTargetType();
		if (target != null && target.isEnum()) {
			String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
			String got = e instanceof InvalidFormatException invalid ? " got '" + invalid.getValue() + "'" : "";
			return "'" + field + "' must be one of " + allowed + ";" + got;
		}
		String expected = target == null ? "another type" : switch (target.getSimpleName()) {
			case "Integer", "int", "Long", "long" -> "a whole number";
			case "Double", "double", "BigDecimal" -> "a number";
			case "Boolean", "boolean" -> "true or false";
			case "UUID" -> "an identifier (UUID)";
			case "Instant" -> "a date and time such as 2026-07-01T00:00:00Z";
			case "String" -> "text";
			default -> "a " + (target.isRecord() || java.util.Collection.class.isAssignableFrom(target) ? "JSON object or list" : "value") + " of the documented shape";
		};
		return "'" + field + "' must be " + expected;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no detail";
		}
		String line = message.lines().findFirst().orElse(message);
		return line.length() > 300 ? line.substring(0, 300) + "…" : line;
	}

	private static ProblemDetail problem(KnownProblem known) {
		return problem(known.status(), known.title(), known.detail());
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}
}
