package coop.commonscloud.identity.internal.provider;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the back-channel logout outbox: every {@code commonscloud.identity.backchannel-logout.poll-interval} (1 s)
 * it claims the due logouts and POSTs each its logout token ({@code application/x-www-form-urlencoded},
 * {@code logout_token=...}) without waiting on the scheduler's thread. A 2xx answer delivers it; anything else is
 * tried again after 1 s, 2 s, 4 s, ... up to {@code retry-cap} (10 minutes) between attempts, until the logout is
 * older than {@code max-age} (24 hours), when it is given up and logged. Logs name the client, never the token or
 * the URI (which may carry a query the service counts as a secret).
 */
@Component
class LogoutDeliveries {

	private static final Logger log = LoggerFactory.getLogger(LogoutDeliveries.class);

	/** Longer than a request may take, so a logout in flight is not claimed twice. */
	private static final Duration LEASE = Duration.ofSeconds(30);
	private static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final int BATCH = 50;

	private final BackChannelLogoutStore store;
	private final LogoutTokens tokens;
	private final Clock clock;
	private final Duration retryCap;
	private final Duration maxAge;
	private final HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

	LogoutDeliveries(BackChannelLogoutStore store, LogoutTokens tokens, Clock clock,
			@Value("${commonscloud.identity.backchannel-logout.retry-cap:PT10M}") Duration retryCap,
			@Value("${commonscloud.identity.backchannel-logout.max-age:PT24H}") Duration maxAge) {
		this.store = store;
		this.tokens = tokens;
		this.clock = clock;
		this.retryCap = retryCap;
		this.maxAge = maxAge;
	}

	/** The wait before the attempt after {@code attempts} failed ones: 1 s doubling, never above the cap. */
	static Duration backOff(int attempts, Duration cap) {
		if (attempts >= 31) {
			return cap;
		}
		Duration wait = Duration.ofSeconds(1L << Math.max(0, attempts - 1));
		return wait.compareTo(cap) > 0 ? cap : wait;
	}

	@Scheduled(initialDelayString = "${commonscloud.identity.backchannel-logout.poll-interval:PT1S}",
			fixedDelayString = "${commonscloud.identity.backchannel-logout.poll-interval:PT1S}")
	void deliverDue() {
		Instant now = clock.instant();
		try {
			store.claimDue(now, now.plus(LEASE), BATCH).forEach(this::attempt);
		} catch (DataAccessException e) {
			log.warn("Could not read the back-channel logouts due: {}", e.getMessage());
		}
	}

	private void attempt(BackChannelLogoutStore.Due logout) {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(logout.logoutUri()))
					.timeout(TIMEOUT)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("logout_token="
							+ URLEncoder.encode(tokens.sign(logout, clock.instant()), StandardCharsets.US_ASCII)))
					.build();
		} catch (RuntimeException e) {
			// no key to sign with yet, say: tried again like a service that did not answer
			failed(logout, e.getClass().getSimpleName() + ": " + e.getMessage());
			return;
		}
		http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			try {
				if (failure == null && response.statusCode() / 100 == 2) {
					store.delivered(logout.id(), clock.instant(), "HTTP " + response.statusCode());
				} else {
					failed(logout, failure == null ? "HTTP " + response.statusCode()
							: failure.getClass().getSimpleName() + ": " + failure.getMessage());
				}
			} catch (DataAccessException e) {
				// the lease runs out and the logout is tried again: a service may get it twice, never not at all
				log.warn("Could not record a back-channel logout attempt for client {}: {}", logout.clientId(), e.getMessage());
			}
		});
	}

	private void failed(BackChannelLogoutStore.Due logout, String outcome) {
		Instant now = clock.instant();
		UUID id = logout.id();
		if (logout.requestedAt().plus(maxAge).isBefore(now)) {
			store.gaveUp(id, now, outcome);
			log.warn("Gave up a back-channel logout for client {} after {} attempts over {}: {}", logout.clientId(),
					logout.attempts(), maxAge, outcome);
			return;
		}
		Duration wait = backOff(logout.attempts(), retryCap);
		store.retryAt(id, now.plus(wait), outcome);
		log.info("Back-channel logout for client {} not delivered (attempt {}: {}); trying again in {}", logout.clientId(),
				logout.attempts(), outcome, wait);
	}

	/** Forgets settled logouts a week on: the outbox is for delivering, not a record of who signed out. */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void forgetSettled() {
		try {
			store.forgetSettled(clock.instant().minus(Duration.ofDays(7)));
		} catch (DataAccessException e) {
			log.warn("Could not forget settled back-channel logouts: {}", e.getMessage());
		}
	}
}
