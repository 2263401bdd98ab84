package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real outage drill at a site: the grid was cut from {@code startedAt} to {@code endedAt} with
 * the listed servers kept up. Recorded by the site's partner (or a steward); never changed after.
 */
public record OutageDrill(UUID id, SiteId site, Instant startedAt, Instant endedAt, List<ServerId> serversKeptUp,
		Result result, String notes, String recordedBy, Instant recordedAt) {

	public enum Result {
		/** The kept-up servers stayed up for the whole drill. */
		PASSED,
		/** Something went down, or the drill was ended early. */
		FAILED
	}

	public OutageDrill {
		List<String> problems = new ArrayList<>();
		if (site == null) {
			problems.add("A drill needs the site it was held at");
		}
		if (startedAt == null || endedAt == null) {
			problems.add("A drill needs when it started and ended ('startedAt', 'endedAt')");
		} else if (!endedAt.isAfter(startedAt)) {
			problems.add("A drill ends after it starts; got " + startedAt + " to " + endedAt);
		}
		if (result == null) {
			problems.add("Say how the drill went: PASSED or FAILED");
		}
		if (serversKeptUp == null || serversKeptUp.isEmpty()) {
			problems.add("Name the servers that were kept up during the drill ('serversKeptUp')");
		}
		if (notes != null && notes.length() > 4000) {
			problems.add("Notes are at most 4000 characters");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		serversKeptUp = List.copyOf(serversKeptUp);
		notes = notes == null || notes.isBlank() ? null : notes.strip();
	}

	public Duration length() {
		return Duration.between(startedAt, endedAt);
	}
}
