package coop.commonscloud.mesh;

/** What a node is in the region's mesh. */
public enum NodeRole {
	/** No mesh: the node writes everything itself and replicates nothing (the default). */
	STANDALONE,
	/** The region's core, where region data is written. */
	CORE,
	/** A site: a read-only replica of region data, and the writer of its own site data. */
	SITE
}
