package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.platform.CutOff;
import coop.commonscloud.platform.RegionData;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Region data at this node: written here on a standalone node or the core; at a site, forwarded to
 * the core while region data flows from it, and refused while the site is isolated (nothing is
 * queued). The database backs this up: at a site, region tables refuse writes (see {@link Replication}).
 */
@Component
@RequiredArgsConstructor
class MeshNode implements RegionData {

	private final MeshSettings settings;
	private final Heartbeats heartbeats;
	private final CoreLink core;

	@Override
	public boolean writtenHere() {
		return settings.role != NodeRole.SITE;
	}

	@Override
	public void forward(String kind, Map<String, String> fields, String whatResumes) {
		if (writtenHere()) {
			throw new IllegalStateException("Region data is written on this node; there is nothing to forward to");
		}
		if (!heartbeats.coreConnected()) {
			throw new CutOff(whatResumes);
		}
		core.forward(kind, fields, whatResumes);
	}
}
