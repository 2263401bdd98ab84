package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import org.springframework.http.HttpStatus;

/**
 * The status and title a person is shown for a failure the platform names, the same whether it
 * answers an API request ({@link ApiProblems}) or a page ({@link PageProblems}).
 */
record KnownProblem(HttpStatus status, String title, String detail) {

	/** A write of region data at a site of the mesh, refused by the database's guard. */
	static final KnownProblem REPLICA_REFUSAL = new KnownProblem(HttpStatus.CONFLICT, "Region data is written at the core",
			ReplicaRefusal.MESSAGE);

	/** One of the platform's own exceptions: {@link NotFound}, {@link NotPermitted}, {@link InvalidInput}, {@link Conflict}. */
	static KnownProblem of(RuntimeException e) {
		if (e instanceof NotFound) {
			return new KnownProblem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
		}
		if (e instanceof NotPermitted) {
			return new KnownProblem(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
		}
		if (e instanceof InvalidInput) {
			return new KnownProblem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
		}
		if (e instanceof Conflict) {
			return new KnownProblem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
		}
		throw new IllegalArgumentException("Not one of the platform's own exceptions: " + e.getClass().getName(), e);
	}
}
