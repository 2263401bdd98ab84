package coop.commonscloud.infrastructure;

import java.util.Objects;

/** A power reading together with the server or site it is about. */
public record SourcedReading(TelemetrySource source, PowerReading reading) {

	public SourcedReading {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(reading, "reading");
	}
}
