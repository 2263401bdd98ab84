package coop.commonscloud.identity.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * A refresh grant records one sign-in event a quarter-hour per family ({@link SignInEvents#quarterHour}); metering
 * counts the local days a service was used, in the region's time zone. Nothing is lost if two instants in one
 * quarter-hour always fall on one local day, in every time zone the JDK knows, from now to the end of the century.
 */
class SignInEventQuarterHourProperties {

	private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();

	@Provide
	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZONES);
	}

	@Property(tries = 5_000)
	void two_instants_in_one_quarter_hour_fall_on_one_local_day_in_every_zone(
			@ForAll("zones") ZoneId zone,
			@ForAll @LongRange(min = 1_767_225_600L, max = 4_102_444_799L) long epochSecond,
			@ForAll @LongRange(min = 0, max = 15 * 60 - 1) long intoTheQuarter) {
		Instant start = Instant.ofEpochSecond(SignInEvents.quarterHour(Instant.ofEpochSecond(epochSecond)) * 15 * 60);
		Instant later = start.plusSeconds(intoTheQuarter);
		assertThat(SignInEvents.quarterHour(later)).isEqualTo(SignInEvents.quarterHour(start));
		assertThat(later.atZone(zone).toLocalDate()).as("%s at %s", zone, later)
				.isEqualTo(start.atZone(zone).toLocalDate());
	}

	@Property(tries = 200)
	void in_every_zone_each_local_midnight_starts_a_quarter_hour(@ForAll("zones") ZoneId zone,
			@ForAll @LongRange(min = 1_767_225_600L, max = 4_102_444_799L) long epochSecond) {
		// the exhaustive form of the property above, one day at a time: the start of the local day is on a boundary
		Instant midnight = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
		assertThat(midnight.getEpochSecond() % (15 * 60)).as("%s on %s", zone, midnight).isZero();
	}
}
