package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.mesh.NodeStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replication lag, measured end to end: the core writes a heartbeat into a region table every
 * {@code commonscloud.mesh.heartbeat-interval}, each site one into a shipped site table. How old the
 * newest beat that arrived is, is how far the data lags (within one interval, and assuming the nodes'
 * clocks agree, as NTP keeps them). A node whose beat is older than {@code commonscloud.mesh.isolated-after}
 * is isolated. Exported as {@code commonscloud_mesh_replication_lag_seconds{site=...}}.
 */
@Component
@RequiredArgsConstructor
class Heartbeats {

	static final String CORE = "core";
	private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

	private record Seen(String state, Instant beat) {
	}

	private final MeshSettings settings;
	private final MeshStore store;
	private final MeterRegistry meters;
	private final Clock clock;
	private final Map<String, Seen> seen = new ConcurrentHashMap<>();
	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	@Scheduled(initialDelay = 0, fixedDelayString = "${commonscloud.mesh.heartbeat-interval:PT5S}")
	void beat() {
		try {
			if (settings.role == NodeRole.CORE) {
				store.beatAsCore();
				for (MeshStore.SiteBeat site : store.siteBeats()) {
					see(site.site(), new Seen(site.state(), site.beat()));
				}
			} else if (settings.role == NodeRole.SITE) {
				store.beatAsSite(settings.site);
				Instant beat = store.coreBeat().orElse(null);
				see(settings.site, new Seen("APPROVED", beat));
			}
		} catch (DataAccessException e) {
			// the last beats seen stay, and age: that is what an outage looks like
			log.warn("Mesh heartbeat failed: {}", e.getMostSpecificCause().getMessage());
		}
	}

	private void see(String node, Seen now) {
		seen.merge(node, now, (before, after) -> after.beat() == null ? new Seen(after.state(), before.beat()) : after);
		if (gauged.add(node)) {
			Gauge.builder("commonscloud.mesh.replication.lag", () -> {
				Double lag = lagSeconds(node);
				return lag == null ? Double.NaN : lag;
			}).tag("site", node).baseUnit("seconds")
					.description("How old the newest heartbeat replicated from (at the core) or to (at a site) this site is")
					.register(meters);
		}
	}

	private Double lagSeconds(String node) {
		Seen known = seen.get(node);
		if (known == null || known.beat() == null) {
			return null;
		}
		return Math.max(0, Duration.between(known.beat(), Instant.now(clock)).toMillis() / 1000.0);
	}

	/** At a site: whether region data is flowing from the core. */
	boolean coreConnected() {
		Double lag = lagSeconds(settings.site);
		return lag != null && lag < settings.isolatedAfter.toSeconds();
	}

	/** At the core every site it knows, at a site the site itself; empty on a standalone node. */
	List<NodeStatus> nodes() {
		List<NodeStatus> nodes = new ArrayList<>();
		seen.forEach((node, known) -> {
			Double lag = lagSeconds(node);
			nodes.add(new NodeStatus(node, known.state(), lag != null && lag < settings.isolatedAfter.toSeconds(), lag,
					known.beat()));
		});
		nodes.sort(java.util.Comparator.comparing(NodeStatus::node));
		return nodes;
	}
}
