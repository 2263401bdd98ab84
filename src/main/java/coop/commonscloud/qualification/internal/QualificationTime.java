package coop.commonscloud.qualification.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Shows instants on the qualification pages in UTC, as {@code 2027-07-01 00:00 UTC}. */
@Component("qualificationTime")
class QualificationTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	public String show(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant);
	}
}
