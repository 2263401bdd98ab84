package coop.commonscloud.platform;

/** Something a request names does not exist; the API answers 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}
}
