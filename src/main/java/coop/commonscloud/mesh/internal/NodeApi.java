package coop.commonscloud.mesh.internal;

import coop.commonscloud.mesh.NodeRole;
import coop.commonscloud.platform.ForwardedWrite;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The core's node-to-node endpoints: sites ask to join, and hand over writes of region data. */
@RestController
@RequestMapping("/mesh/node")
record NodeApi(MeshSettings settings, SiteRegister register, List<ForwardedWrite> writes) {

	private static final Logger log = LoggerFactory.getLogger(NodeApi.class);

	@PostMapping("/join")
	Map<String, String> join(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody Map<String, String> body) {
		requireNode(authorization);
		String state = register.ask(new SiteRegister.JoinRequest(body.get("site"), body.get("publicJwk"), body.get("database")));
		return Map.of("state", state);
	}

	@PostMapping("/forward/{kind}")
	Map<String, String> forward(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestHeader(name = "X-Mesh-Site", required = false) String site, @PathVariable("kind") String kind,
			@RequestBody Map<String, String> fields) {
		requireNode(authorization);
		ForwardedWrite write = writes.stream().filter(w -> w.kind().equals(kind)).findFirst()
				.orElseThrow(() -> new NotFound("The core takes no forwarded writes of kind '" + kind + "'"));
		write.apply(fields);
		log.info("Applied a forwarded {} from site '{}'", kind, site);
		return Map.of("applied", kind);
	}

	/** The secret first, so a caller without it learns nothing about this node; then: only the core answers. */
	private void requireNode(String authorization) {
		byte[] expected = (CoreLink.SCHEME + settings.nodeSecret).getBytes(StandardCharsets.UTF_8);
		byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
		if (settings.nodeSecret.isBlank() || !MessageDigest.isEqual(expected, given)) {
			throw new NotPermitted("Only the region's nodes may call this");
		}
		if (settings.role != NodeRole.CORE) {
			throw new NotFound("This node is not the region's core");
		}
	}
}
