package coop.commonscloud.mesh.internal;

import coop.commonscloud.identity.SiteSigningKeys;
import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the core: sites ask to join, a steward approves, and the core then publishes the site's public
 * signing key as region data and subscribes to the site's shipped data. Subscribing is retried until
 * it works (the site's database may be down when the steward approves).
 */
@Service
@RequiredArgsConstructor
class SiteRegister {

	record JoinRequest(String site, String publicJwk, String database) {
	}

	record PendingSite(String name, String state, Instant requestedAt, Instant approvedAt, String approvedBy,
			Instant subscribedAt, String lastError) {
	}

	private static final Logger log = LoggerFactory.getLogger(SiteRegister.class);

	private final MeshSettings settings;
	private final MeshStore store;
	private final Caller caller;
	private final SiteSigningKeys keys;
	private final Replication replication;
	private final TransactionTemplate transactions;

	/** A site asks to join (or asks again how its request stands); answers the request's state. */
	String ask(JoinRequest request) {
		requireCore();
		if (request.site() == null || !MeshSettings.SITE_NAME.matcher(request.site()).matches() || "core".equals(request.site())) {
			throw new InvalidInput("A site's name is lower-case letters, digits and '_', at most 31 characters, and not 'core'");
		}
		if (request.publicJwk() == null || request.database() == null || request.database().isBlank()) {
			throw new InvalidInput("A join request names the site's public signing key and its database connection");
		}
		return transactions.execute(status -> {
			store.askToJoin(request);
			MeshStore.JoinState known = store.joinState(request.site());
			if (!known.publicJwk().equals(request.publicJwk())) {
				throw new Conflict("Site '" + request.site() + "' joined with another signing key; a steward must remove it first");
			}
			return known.state();
		});
	}

	@Transactional(readOnly = true)
	List<PendingSite> sites() {
		caller.requireSteward();
		return store.sites();
	}

	/** A steward lets a site in: its key becomes region data, and the core subscribes to its site data. */
	void approve(String site) {
		caller.requireSteward();
		requireCore();
		String actor = caller.actor();
		transactions.executeWithoutResult(status -> {
			String jwk = store.lockPublicJwk(site)
					.orElseThrow(() -> new NotFound("No site named '" + site + "' has asked to join"));
			store.approve(site, actor);
			keys.publish(site, jwk);
		});
		subscribeToApprovedSites();
	}

	/** Subscribes to the site data of every approved site the core does not subscribe to yet. */
	@Scheduled(initialDelay = 0, fixedDelayString = "${commonscloud.mesh.heartbeat-interval:PT5S}")
	synchronized void subscribeToApprovedSites() {
		if (settings.role != NodeRole.CORE) {
			return;
		}
		try {
			List<String> waiting = store.approvedNotSubscribed();
			for (String site : waiting) {
				subscribe(site);
			}
		} catch (DataAccessException e) {
			log.warn("Could not look for approved sites: {}", e.getMostSpecificCause().getMessage());
		}
	}

	private void subscribe(String site) {
		String subscription = "commonscloud_site_" + site;
		String error = null;
		try {
			if (!replication.subscribed(subscription)) {
				replication.subscribeToSiteData(subscription, store.database(site));
			}
		} catch (DataAccessException e) {
			error = e.getMostSpecificCause().getMessage();
			log.warn("Could not subscribe to the site data of '{}' yet: {}", site, error);
		}
		store.subscribed(site, error);
	}

	private void requireCore() {
		if (settings.role != NodeRole.CORE) {
			throw new Conflict("Sites join the region's core; this node is " + settings.role.name().toLowerCase(java.util.Locale.ROOT));
		}
	}
}
