package coop.commonscloud.governance.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Shows instants on the governance pages as {@code 2027-07-01 00:00 UTC}: one zone for the whole region's record. */
@Component("governanceTime")
class GovernanceTime {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

	public String show(Instant instant) {
		return instant == null ? "" : FORMAT.format(instant);
	}
}
