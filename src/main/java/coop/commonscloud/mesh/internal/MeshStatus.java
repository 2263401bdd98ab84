package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.mesh.NodeStatus;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** What the status page and the API show about this node and the nodes it knows. */
@Component
@RequiredArgsConstructor
class MeshStatus {

	record Summary(String role, String site, String mode, String joinState, List<NodeStatus> nodes) {
	}

	private final MeshSettings settings;
	private final Heartbeats heartbeats;
	private final Joining joining;

	Summary summary() {
		String mode = switch (settings.role) {
			case STANDALONE -> "standalone";
			case CORE -> "core";
			case SITE -> heartbeats.coreConnected() ? "connected" : "isolated";
		};
		return new Summary(settings.role.name().toLowerCase(Locale.ROOT), settings.role == NodeRole.STANDALONE ? null : settings.site,
				mode, settings.role == NodeRole.SITE ? joining.state() : null, heartbeats.nodes());
	}
}
