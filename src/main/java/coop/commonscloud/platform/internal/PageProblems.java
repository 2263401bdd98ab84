package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import org.springframework.stereotype.Controller;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the web pages: a readable error page instead of a stack trace. Forms catch input problems
 * themselves to show them beside what was typed; these handlers catch what no form expected.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	@ExceptionHandler({ NotFound.class, NotPermitted.class, InvalidInput.class, Conflict.class })
	ModelAndView known(RuntimeException e) {
		return page(KnownProblem.of(e));
	}

	/** A form's upload sent as something other than multipart/form-data; too large an upload is Boot's 413. */
	@ExceptionHandler(MultipartException.class)
	ModelAndView notMultipart(MultipartException e) {
		if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			throw e;
		}
		return page(KnownProblem.of(new InvalidInput(ApiProblems.NOT_MULTIPART)));
	}

	/** A write of region data at a site of the mesh, refused by the database's guard. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ModelAndView dataAccess(org.springframework.dao.DataAccessException e) {
		if (ReplicaRefusal.causedBy(e)) {
			return page(KnownProblem.REPLICA_REFUSAL);
		}
		throw e;
	}

	private static ModelAndView page(KnownProblem problem) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(problem.status());
		view.addObject("status", problem.status().value());
		view.addObject("title", problem.title());
		view.addObject("message", problem.detail());
		return view;
	}
}
