package coop.commonscloud.region;

import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;

/** A position on WGS84, in decimal degrees. */
public record Coordinates(double latitude, double longitude) {

	public Coordinates {
		List<String> problems = new ArrayList<>();
		if (!(latitude >= -90 && latitude <= 90)) {
			problems.add("Latitude must be from -90 to 90 degrees; got " + latitude);
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			problems.add("Longitude must be from -180 to 180 degrees; got " + longitude);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** The same place rounded to about a kilometre, to show where a home is without showing the home. */
	public Coordinates blurred() {
		return new Coordinates(Math.round(latitude * 100) / 100.0, Math.round(longitude * 100) / 100.0);
	}
}
