package coop.commonscloud.platform;

/** The caller is signed in but may not do this; the API answers 403. */
public class NotPermitted extends RuntimeException {

	public NotPermitted(String message) {
		super(message);
	}
}
