package coop.commonscloud.mesh.internal;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's logical replication as the mesh uses it: the publications drawn from the table
 * classification, the subscriptions between core and sites, and the guard that makes region
 * tables read-only at a site; its statements are in {@link ReplicationStore}. Statements that create a
 * subscription cannot run in a transaction, so they go through the auto-committing JDBC connection.
 */
@Component
@RequiredArgsConstructor
class Replication {

	static final String REGION_PUBLICATION = "region_data";
	static final String SITE_PUBLICATION = "site_data";
	static final String REGION_SUBSCRIPTION = "commonscloud_region_data";
	static final String SITE_SLOT = "site_data_to_core";
	private static final Logger log = LoggerFactory.getLogger(Replication.class);

	private final ReplicationStore store;
	private final Tables tables;
	private final TransactionTemplate transactions;

	/** At the core: publication {@code region_data} is every region table, as the migrations classify them now. */
	void publishRegionData() {
		publish(REGION_PUBLICATION, tables.regionTables());
	}

	/** At a site: publication {@code site_data} is the site data the core needs. */
	void publishSiteData() {
		publish(SITE_PUBLICATION, tables.shippedTables());
	}

	private void publish(String publication, List<String> published) {
		transactions.executeWithoutResult(status -> {
			if (!store.publicationExists(publication)) {
				store.createPublication(publication);
			}
			store.setPublishedTables(publication, published);
		});
		log.info("Publication {} holds {} tables", publication, published.size());
	}

	/** At a site: every region table refuses writes except replication's (see the mesh migration). */
	void guardRegionTables() {
		transactions.executeWithoutResult(status -> {
			for (String table : tables.regionTables()) {
				store.guardAsReplica(table);
			}
		});
	}

	boolean subscribed(String subscription) {
		return store.subscriptionExists(subscription);
	}

	/**
	 * At a site, once approved: empties its region tables (they hold only what its own migrations
	 * seeded, which the core's copy replaces) and subscribes to the core's region data with an initial
	 * copy. Emptying runs as replication does ({@code session_replication_role = replica}), so neither
	 * the append-only nor the read-only triggers refuse it: it needs a superuser, or a role granted
	 * {@code set on parameter session_replication_role} (docs/architecture.md, "External PostgreSQL: roles").
	 */
	void subscribeToRegionData(String coreDatabase, String slot) {
		List<String> region = tables.regionTables();
		transactions.executeWithoutResult(status -> store.truncateAsReplication(region));
		subscribe(REGION_SUBSCRIPTION, coreDatabase, REGION_PUBLICATION, slot);
		guardRegionTables();
	}

	/** At the core: subscribes to a site's shipped site data (its slot lives on the site's server). */
	void subscribeToSiteData(String subscription, String siteDatabase) {
		subscribe(subscription, siteDatabase, SITE_PUBLICATION, SITE_SLOT);
	}

	private void subscribe(String subscription, String connection, String publication, String slot) {
		store.createSubscription(subscription, connection, publication, slot);
		log.info("Subscribed as {} to publication {}", subscription, publication);
	}

	/** Picks up region tables that later migrations added to the core's publication. */
	void refresh(String subscription) {
		store.refreshSubscription(subscription);
	}
}
