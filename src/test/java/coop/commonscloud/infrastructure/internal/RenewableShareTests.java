package coop.commonscloud.infrastructure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import coop.commonscloud.infrastructure.IngestResult;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.RenewableShare;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The energy-weighted renewable share, computed in SQL from readings integrated over their
 * intervals (capped at 5 minutes), on constructed readings whose answer is worked out by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
class RenewableShareTests {

	static final Instant DAY = Instant.parse("2026-06-01T00:00:00Z");
	static final Instant AS_OF = Instant.parse("2026-06-03T12:00:00Z");

	@Autowired
	MockMvc mvc;
	@Autowired
	Telemetry telemetry;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	String partner;
	String site;

	@BeforeEach
	void a_partner_with_a_site() throws Exception {
		TelemetryFixtures fixtures = new TelemetryFixtures(mvc);
		partner = fixtures.partner("Solar co-op");
		site = fixtures.site(partner);
		this.fixtures = fixtures;
	}

	TelemetryFixtures fixtures;

	/** MockMvc requests reset the security context; service calls here act as the steward. */
	static void asSteward() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, AuthorityUtils.createAuthorityList("ROLE_STEWARD")));
	}

	@org.junit.jupiter.api.AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** A reading {@code minutes} after DAY: consumption, renewable supply and grid import in W. */
	static PowerReading at(int minutes, double consumption, double renewable, double grid) {
		return new PowerReading(DAY.plusSeconds(minutes * 60L), consumption, renewable, grid, null);
	}

	static Stream<Arguments> cases() {
		List<PowerReading> half = List.of(at(0, 100, 50, 50), at(5, 100, 50, 50));
		List<PowerReading> steady = List.of(at(0, 120, 120, 0), at(5, 120, 120, 0), at(10, 120, 120, 0));
		List<PowerReading> reversed = new ArrayList<>(half);
		Collections.reverse(reversed);
		List<PowerReading> repeated = new ArrayList<>(steady);
		repeated.addAll(steady);
		return Stream.of(
				// name, batches, consumption Wh, renewable Wh, grid Wh, covered s, share
				Arguments.of("steady 5-minute readings, all renewable", List.of(steady), 30.0, 30.0, 0.0, 900, "100.00"),
				Arguments.of("half from the grid", List.of(half), 16.667, 8.333, 8.333, 600, "50.00"),
				Arguments.of("a gap of an hour adds nothing, renewable or not",
						List.of(List.of(at(0, 60, 60, 0), at(60, 60, 0, 60))), 10.0, 5.0, 5.0, 600, "50.00"),
				Arguments.of("out of order within a batch", List.of(reversed), 16.667, 8.333, 8.333, 600, "50.00"),
				Arguments.of("out of order across batches",
						List.of(List.of(half.get(1)), List.of(half.get(0))), 16.667, 8.333, 8.333, 600, "50.00"),
				Arguments.of("duplicates within a batch and a re-sent batch", List.of(repeated, steady), 30.0, 30.0, 0.0, 900, "100.00"),
				Arguments.of("readings closer than the spacing count only until the next",
						List.of(List.of(at(0, 60, 60, 0), at(1, 60, 60, 0), at(2, 60, 60, 0))), 7.0, 7.0, 0.0, 420, "100.00"),
				Arguments.of("no grid but no renewable supply either (a draining battery) is not renewable",
						List.of(List.of(at(0, 100, 0, 0))), 8.333, 0.0, 0.0, 300, "0.00"),
				Arguments.of("supply above consumption counts only up to consumption",
						List.of(List.of(at(0, 50, 400, 0), at(5, 50, 400, 0))), 8.333, 8.333, 0.0, 600, "100.00"),
				Arguments.of("a late reading before midnight shortens its predecessor's interval on the day before",
						List.of(List.of(at(-10, 60, 60, 0)), List.of(at(-7, 60, 0, 60), at(0, 60, 60, 0))),
						// 23:50 counts 3 min, 23:53 counts 5 min (next is 00:00 at 7 min), 00:00 counts 5 min
						13.0, 8.0, 5.0, 780, "61.54"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void the_share_integrates_readings_over_their_intervals(String name, List<List<PowerReading>> batches,
			double consumptionWh, double renewableWh, double gridWh, long coveredSeconds, String share) throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		asSteward();
		for (List<PowerReading> batch : batches) {
			telemetry.ingest(batch.stream().map(r -> new SourcedReading(TelemetrySource.server(server), r)).toList(), false);
		}
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.consumptionWh()).as("consumption").isCloseTo(consumptionWh, within(0.01));
		assertThat(result.renewableWh()).as("renewable").isCloseTo(renewableWh, within(0.01));
		assertThat(result.gridImportWh()).as("grid import").isCloseTo(gridWh, within(0.01));
		assertThat(result.coveredSeconds()).as("covered").isEqualTo(coveredSeconds);
		assertThat(result.sharePercent()).contains(new BigDecimal(share));
		assertThat(result.source()).isEqualTo(TelemetrySource.server(server));
	}

	@Test
	void a_server_without_readings_has_no_share_rather_than_zero() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.sharePercent()).isEmpty();
		assertThat(result.daysWithData()).isZero();
		assertThat(result.reaches(BigDecimal.ZERO)).isFalse();
	}

	@Test
	void a_server_without_its_own_readings_is_judged_by_its_sites_meter() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		TelemetrySource siteMeter = new TelemetrySource(TelemetrySource.Kind.SITE, UUID.fromString(site));
		asSteward();
		telemetry.ingest(List.of(new SourcedReading(siteMeter, at(0, 100, 90, 10))), false);
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.source()).isEqualTo(siteMeter);
		assertThat(result.sharePercent()).contains(new BigDecimal("90.00"));
	}

	@Test
	void the_period_covered_and_the_days_with_data_are_reported() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		ingest(server, List.of(at(0, 10, 10, 0), at(60 * 24 + 30, 10, 10, 0)));
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.daysWithData()).isEqualTo(2);
		assertThat(result.firstReading()).isEqualTo(DAY);
		assertThat(result.lastReading()).isEqualTo(DAY.plusSeconds((60 * 24 + 30) * 60L));
		assertThat(result.windowTo()).isEqualTo(java.time.LocalDate.parse("2026-06-03"));
		assertThat(result.windowFrom()).isEqualTo(java.time.LocalDate.parse("2026-06-03").minusDays(364));
	}

	@Test
	void readings_older_than_365_days_do_not_count() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		ingest(server, List.of(at(0, 10, 0, 10)));
		RenewableShare later = telemetry.renewableShareOfServer(server, DAY.plusSeconds(365L * 86_400));
		assertThat(later.daysWithData()).isZero();
		RenewableShare lastDayIn = telemetry.renewableShareOfServer(server, DAY.plusSeconds(364L * 86_400));
		assertThat(lastDayIn.daysWithData()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} readings missing of 288: fully renewable day = {1}")
	@org.junit.jupiter.params.provider.CsvSource({"0, true", "14, true", "15, false", "24, false"})
	void a_fully_renewable_day_needs_95_percent_coverage(int missing, boolean full) throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		List<PowerReading> day = new ArrayList<>();
		for (int i = 0; i < 288; i++) {
			if (i >= 100 && i < 100 + missing) {
				continue; // a gap in the middle of the day
			}
			day.add(at(i * 5, 40, 40, 0));
		}
		ingest(server, day);
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.coveredSeconds()).isEqualTo((288 - missing) * 300L);
		assertThat(result.hasFullyRenewableDay()).isEqualTo(full);
	}

	@Test
	void a_day_with_any_grid_import_is_not_fully_renewable() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		List<PowerReading> day = new ArrayList<>();
		for (int i = 0; i < 288; i++) {
			day.add(at(i * 5, 40, i == 0 ? 0 : 400, i == 0 ? 40 : 0));
		}
		ingest(server, day);
		assertThat(telemetry.renewableShareOfServer(server, AS_OF).fullyRenewableDays()).isZero();
	}

	@Test
	void a_changed_reading_is_refused_unless_sent_as_a_correction_which_is_recorded() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		ingest(server, List.of(at(0, 100, 0, 100), at(5, 100, 0, 100)));
		List<SourcedReading> fixed = List.of(new SourcedReading(TelemetrySource.server(server), at(0, 100, 100, 0)),
				new SourcedReading(TelemetrySource.server(server), at(5, 100, 0, 100)));
		asSteward();
		assertThatThrownBy(() -> telemetry.ingest(fixed, false)).isInstanceOf(Conflict.class)
				.hasMessageContaining("1 reading(s)").hasMessageContaining("correction");
		assertThat(telemetry.renewableShareOfServer(server, AS_OF).sharePercent()).contains(new BigDecimal("0.00"));
		IngestResult result = telemetry.ingest(fixed, true);
		assertThat(result.corrected()).isEqualTo(1);
		assertThat(result.duplicates()).isEqualTo(1);
		assertThat(telemetry.renewableShareOfServer(server, AS_OF).sharePercent()).contains(new BigDecimal("50.00"));
		assertThat(jdbc.sql("select old_grid_import_w || '>' || new_grid_import_w || ' by ' || corrected_by "
				+ "from power_reading_correction where source_id = ?").param(server.value()).query(String.class).list())
				.containsExactly("100>0 by admin");
	}

	@Test
	void stored_readings_announce_the_days_they_changed_and_repeats_announce_nothing() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		List<PowerReading> readings = List.of(at(0, 10, 10, 0), at(60 * 24, 10, 10, 0));
		ingest(server, readings);
		assertThat(events.stream(coop.commonscloud.infrastructure.TelemetryRecorded.class)
				.filter(e -> e.source().equals(TelemetrySource.server(server))))
				.singleElement()
				.satisfies(e -> {
					assertThat(e.firstDay()).isEqualTo(java.time.LocalDate.parse("2026-05-31"));
					assertThat(e.lastDay()).isEqualTo(java.time.LocalDate.parse("2026-06-02"));
					assertThat(e.readings()).isEqualTo(2);
				});
		ingest(server, readings);
		assertThat(events.stream(coop.commonscloud.infrastructure.TelemetryRecorded.class)
				.filter(e -> e.source().equals(TelemetrySource.server(server)))).hasSize(1);
	}

	@org.junit.jupiter.api.RepeatedTest(3)
	void two_uploads_for_one_day_at_once_both_count_in_the_days_figures() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		List<SourcedReading> even = new ArrayList<>();
		List<SourcedReading> odd = new ArrayList<>();
		for (int i = 0; i < 288; i++) {
			(i % 2 == 0 ? even : odd).add(new SourcedReading(TelemetrySource.server(server), at(i * 5, 40, 40, 0)));
		}
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<IngestResult>> results = new ArrayList<>();
			for (List<SourcedReading> half : List.of(even, odd)) {
				results.add(pool.submit(() -> {
					asSteward();
					go.await();
					return telemetry.ingest(half, false);
				}));
			}
			go.countDown();
			for (var result : results) {
				assertThat(result.get().stored()).isEqualTo(144);
			}
		} finally {
			pool.shutdown();
		}
		RenewableShare result = telemetry.renewableShareOfServer(server, AS_OF);
		assertThat(result.coveredSeconds()).isEqualTo(86_400);
		assertThat(result.consumptionWh()).isCloseTo(960.0, within(0.01));
		assertThat(result.fullyRenewableDays()).isEqualTo(1);
	}

	@Test
	void a_refused_upload_stores_none_of_its_new_readings_either() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		ingest(server, List.of(at(0, 100, 0, 100)));
		assertThatThrownBy(() -> ingest(server, List.of(at(0, 100, 100, 0), at(5, 100, 100, 0))))
				.isInstanceOf(Conflict.class);
		assertThat(jdbc.sql("select count(*) from power_reading where source_id = ?").param(server.value())
				.query(Long.class).single()).isEqualTo(1);
		assertThat(telemetry.renewableShareOfServer(server, AS_OF).coveredSeconds()).isEqualTo(300);
	}

	@Test
	void two_different_readings_for_one_time_in_one_upload_are_refused() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		assertThatThrownBy(() -> ingest(server, List.of(at(0, 100, 0, 100), at(0, 90, 0, 90))))
				.isInstanceOf(InvalidInput.class).hasMessageContaining("two different readings");
	}

	@Test
	void readings_from_the_future_are_refused() throws Exception {
		ServerId server = new ServerId(UUID.fromString(fixtures.server(partner, site, 12, 1000)));
		PowerReading future = new PowerReading(Instant.now().plusSeconds(86_400), 1, 1, 0, null);
		assertThatThrownBy(() -> ingest(server, List.of(future))).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("outside");
	}

	private IngestResult ingest(ServerId server, List<PowerReading> readings) {
		asSteward();
		return telemetry.ingest(readings.stream().map(r -> new SourcedReading(TelemetrySource.server(server), r)).toList(), false);
	}
}
