package coop.commonscloud.platform;

/** The request clashes with what is stored (a duplicate name, say); the API answers 409. */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
