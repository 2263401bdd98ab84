package coop.commonscloud.mesh.internal;

import coop.commonscloud.identity.SiteSigningKeys;
import coop.commonscloud.mesh.NodeRole;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At a site that has not joined yet: asks the core to join, every heartbeat, until a steward has
 * approved; then subscribes to the core's region data (see {@link Replication#subscribeToRegionData}).
 */
@Component
@RequiredArgsConstructor
class Joining {

	private static final Logger log = LoggerFactory.getLogger(Joining.class);

	private final MeshSettings settings;
	private final CoreLink core;
	private final SiteSigningKeys keys;
	private final Replication replication;
	private volatile String state = "NOT_ASKED";

	@Scheduled(initialDelay = 0, fixedDelayString = "${commonscloud.mesh.heartbeat-interval:PT5S}")
	synchronized void join() {
		if (settings.role != NodeRole.SITE) {
			return;
		}
		try {
			if (replication.subscribed(Replication.REGION_SUBSCRIPTION)) {
				state = "JOINED";
				return;
			}
			state = core.join(keys.currentPublicKey());
			if ("APPROVED".equals(state)) {
				replication.subscribeToRegionData(settings.coreDatabase, settings.regionSlot());
				state = "JOINED";
				log.info("Site '{}' joined the region core", settings.site);
			}
		} catch (DataAccessException e) {
			// the server's message only: the statement would show the connection's credentials
			log.warn("Site '{}' could not join the core yet: {}", settings.site, e.getMostSpecificCause().getMessage());
		} catch (IOException e) {
			log.warn("Site '{}' could not reach the core to join: {}", settings.site, e.toString());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (RuntimeException e) {
			log.warn("Site '{}' could not join the core yet: {}", settings.site, e.getMessage());
		}
	}

	/** NOT_ASKED, REQUESTED, APPROVED (subscribing) or JOINED. */
	String state() {
		return state;
	}
}
