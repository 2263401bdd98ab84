package coop.commonscloud.qualification.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.qualification.Status;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.internal.domain.SanctionLadder.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusAndSanctionsTests {

	static final Verdict MET = Verdict.met("ok");

	@Test
	void the_status_rule() {
		assertThat(StatusRule.of(List.of(MET, MET), false)).isEqualTo(Status.QUALIFIED);
		assertThat(StatusRule.of(List.of(MET, Verdict.pending("x")), false)).isEqualTo(Status.PROVISIONAL);
		assertThat(StatusRule.of(List.of(MET, Verdict.expired("x")), false)).isEqualTo(Status.PROVISIONAL);
		assertThat(StatusRule.of(List.of(Verdict.pending("x"), Verdict.notMet("y")), false)).isEqualTo(Status.NOT_QUALIFIED);
		assertThat(StatusRule.of(List.of(MET, MET), true)).isEqualTo(Status.SUSPENDED);
		assertThat(StatusRule.of(List.of(), false)).isEqualTo(Status.PROVISIONAL);
	}

	static final Instant SINCE = Instant.parse("2027-01-01T00:00:00Z");

	@ParameterizedTest(name = "{0} for {1} s with a remedy period of {2} days: next {3}")
	@CsvSource({ "NOTICE, 2591999, 30, ", "NOTICE, 2592000, 30, PROBATION", "NOTICE, 2592001, 30, PROBATION",
			"PROBATION, 2592000, 30, NO_NEW_SIGN_UPS", "NO_NEW_SIGN_UPS, 2592000, 30, REMOVAL", "REMOVAL, 99999999, 30, ",
			"CLOSED, 99999999, 30, ", "NOTICE, 86399, 1, ", "NOTICE, 86400, 1, PROBATION" })
	void the_ladder_climbs_one_step_per_remedy_period(Step current, long seconds, long remedyDays, Step expected) {
		assertThat(SanctionLadder.due(current, SINCE, false, remedyDays, SINCE.plus(Duration.ofSeconds(seconds))))
				.isEqualTo(Optional.ofNullable(expected));
	}

	@Test
	void a_pending_appeal_holds_the_ladder() {
		assertThat(SanctionLadder.due(Step.NOTICE, SINCE, true, 30, SINCE.plus(Duration.ofDays(90)))).isEmpty();
	}

	@Test
	void only_the_last_two_steps_stop_sign_ups_and_probation_is_public() {
		assertThat(List.of(Step.values()).stream().filter(Step::stopsSignUps)).containsExactly(Step.NO_NEW_SIGN_UPS, Step.REMOVAL);
		assertThat(List.of(Step.values()).stream().filter(Step::isPublic)).containsExactly(Step.PROBATION, Step.NO_NEW_SIGN_UPS,
				Step.REMOVAL);
	}
}
