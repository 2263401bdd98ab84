package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * At start, after Flyway: (re)builds this node's publication from the table classification, so a
 * region table added by a later migration is replicated with no code change; at a joined site,
 * guards the region tables and refreshes the subscription to pick up new tables.
 */
@Component
@Order(-100)
@RequiredArgsConstructor
class StartingReplication implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartingReplication.class);

	private final MeshSettings settings;
	private final Replication replication;

	@Override
	public void run(ApplicationArguments args) {
		switch (settings.role) {
			case STANDALONE -> {
			}
			case CORE -> replication.publishRegionData();
			case SITE -> {
				replication.publishSiteData();
				if (replication.subscribed(Replication.REGION_SUBSCRIPTION)) {
					replication.guardRegionTables();
					try {
						replication.refresh(Replication.REGION_SUBSCRIPTION);
					} catch (DataAccessException cutOff) {
						log.warn("Could not refresh the subscription to the core's region data (is the core reachable?): {}",
								cutOff.getMostSpecificCause().getMessage());
					}
				}
			}
		}
		log.info("Mesh node: {}", settings.role == NodeRole.STANDALONE ? "standalone" : settings);
	}
}
