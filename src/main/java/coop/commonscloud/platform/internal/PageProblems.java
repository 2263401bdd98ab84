package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the web pages: a readable error page instead of a stack trace. Forms catch input problems
 * themselves to show them beside what was typed; these handlers catch what no form expected.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound e) {
		return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler(NotPermitted.class)
	ModelAndView notPermitted(NotPermitted e) {
		return page(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
	}

	@ExceptionHandler(InvalidInput.class)
	ModelAndView invalid(InvalidInput e) {
		return page(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
	}

	@ExceptionHandler(Conflict.class)
	ModelAndView conflict(Conflict e) {
		return page(HttpStatus.CONFLICT, "Conflict", e.getMessage());
	}

	/** A write of region data at a site of the mesh, refused by the database's guard. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ModelAndView dataAccess(org.springframework.dao.DataAccessException e) {
		if (ReplicaRefusal.causedBy(e)) {
			return page(HttpStatus.CONFLICT, "Region data is written at the core", ReplicaRefusal.MESSAGE);
		}
		throw e;
	}

	private static ModelAndView page(HttpStatus status, String title, String message) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("message", message);
		return view;
	}
}
