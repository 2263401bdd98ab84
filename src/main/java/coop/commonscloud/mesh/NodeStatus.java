package coop.commonscloud.mesh;

import java.time.Instant;

/**
 * How one node of the mesh stands, as seen from where it is shown.
 *
 * @param node the site's name ({@code core} for the core)
 * @param state {@code REQUESTED} while a steward has not approved a site, else {@code APPROVED}
 * @param connected whether its replication stream is flowing (else the node is isolated)
 * @param lagSeconds how old the newest replicated heartbeat is; null before the first
 * @param lastSync when that heartbeat was written; null before the first
 */
public record NodeStatus(String node, String state, boolean connected, Double lagSeconds, Instant lastSync) {

	public String mode() {
		return connected ? "connected" : "isolated";
	}
}
