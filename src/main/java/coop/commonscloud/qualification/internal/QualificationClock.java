package coop.commonscloud.qualification.internal;

import java.time.Clock;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: re-evaluates every partner (evidence and declarations expire with time alone, and a
 * criterion met again closes its case), then climbs the sanction cases whose remedy period has passed. Off in tests, like governance's clock.
 */
@Component
@ConditionalOnProperty(name = "commonscloud.qualification.clock.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class QualificationClock {

	private static final Logger log = LoggerFactory.getLogger(QualificationClock.class);

	private final Evaluating evaluating;
	private final Sanctions sanctions;
	private final ThresholdsInForce parameters;
	private final Clock clock;

	@Scheduled(cron = "${commonscloud.qualification.clock.cron:0 30 2 * * *}", zone = "UTC")
	void daily() {
		Instant now = Instant.now(clock);
		int partners = evaluating.evaluateAll("daily schedule");
		int steps = sanctions.advance(now, parameters.at(now).remedyPeriodDays());
		log.info("Qualification schedule: {} sanction step(s) taken, {} partner(s) evaluated", steps, partners);
	}
}
