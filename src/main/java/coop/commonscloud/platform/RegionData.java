package coop.commonscloud.platform;

import java.util.Map;

/**
 * Where region data (accounts, credentials, clients, parameters, ...) may be written on this node.
 * A standalone node and the region's core write it themselves; a site of the mesh holds a
 * read-only replica and sends such writes to the core instead (implemented by the mesh module).
 */
public interface RegionData {

	/** True on a standalone node or the core; false at a site, whose region data is a replica. */
	boolean writtenHere();

	/**
	 * At a site: hands the write of the given kind to the core over authenticated node-to-node HTTP and
	 * returns once the core applied it (replication then brings it back to this site).
	 *
	 * @param whatResumes what the person was doing, in the plural, for the refusal ("password changes")
	 * @throws CutOff when the core cannot be reached; nothing was applied and nothing is queued
	 * @throws InvalidInput when the core refused the write for its content
	 */
	void forward(String kind, Map<String, String> fields, String whatResumes);

	/** What a standalone node or the core does: write everything here, forward nothing. */
	RegionData HERE = new RegionData() {

		@Override
		public boolean writtenHere() {
			return true;
		}

		@Override
		public void forward(String kind, Map<String, String> fields, String whatResumes) {
			throw new IllegalStateException("Region data is written on this node; there is nothing to forward to");
		}
	};
}
