package coop.commonscloud.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces polls whose opening time has come and closes polls whose closing time has passed,
 * so outcomes take effect without anyone having to press a button.
 */
@Component
@ConditionalOnProperty(name = "commonscloud.governance.clock.enabled", havingValue = "true", matchIfMissing = true)
@RequiredArgsConstructor
class PollClock {

	private static final Logger log = LoggerFactory.getLogger(PollClock.class);

	private final PollStore polls;
	private final Polls opening;
	private final ClosingPoll closing;
	private final Clock clock;

	@Scheduled(fixedDelayString = "${commonscloud.governance.clock.interval:PT15S}")
	void tick() {
		Instant now = Instant.now(clock);
		for (UUID poll : polls.openedWithoutNotice(now)) {
			try {
				opening.announce(poll);
			} catch (RuntimeException e) {
				log.error("Could not announce poll {}; will try again on the next tick", poll, e);
			}
		}
		for (UUID poll : polls.dueForClosing(now)) {
			try {
				closing.close(poll, ClosingPoll.RECORDED_BY);
			} catch (RuntimeException e) {
				log.error("Could not close poll {}; will try again on the next tick", poll, e);
			}
		}
	}
}
