package coop.commonscloud.platform.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock the platform reads the time from, in UTC. It is an auto-configuration so that a
 * test's own {@code Clock} bean (a fixed or movable clock) replaces it instead of clashing with it.
 */
@AutoConfiguration
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
