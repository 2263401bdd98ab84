package coop.commonscloud.mesh.internal;

import coop.commonscloud.platform.CutOff;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's node-to-node HTTP calls to the core, authenticated with the region's node secret
 * ({@code Authorization: Node <secret>}). Use TLS for the core's URL outside a test.
 */
@Component
@RequiredArgsConstructor
class CoreLink {

	static final String SCHEME = "Node ";

	private final MeshSettings settings;
	private final JsonMapper json;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	/** Asks to join (again); answers the request's state at the core. */
	String join(String publicJwk) throws IOException, InterruptedException {
		JsonNode answer = post("/mesh/node/join", Map.of("site", settings.site, "publicJwk", publicJwk,
				"database", settings.siteDatabase), null);
		return answer.path("state").asString();
	}

	/** Hands a write of region data to the core; {@link CutOff} when the core does not answer. */
	void forward(String kind, Map<String, String> fields, String whatResumes) {
		try {
			post("/mesh/node/forward/" + kind, fields, whatResumes);
		} catch (IOException e) {
			throw new CutOff(whatResumes);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CutOff(whatResumes);
		}
	}

	private JsonNode post(String path, Map<String, String> body, String whatResumes) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(settings.coreUrl + path))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", SCHEME + settings.nodeSecret)
				.header("X-Mesh-Site", settings.site)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
		}
		String detail = detail(response.body());
		if (status == 400) {
			throw new InvalidInput(detail);
		}
		if (status == 401 || status == 403) {
			throw new NotPermitted("The region core refused this site: " + detail);
		}
		// the core is up but cannot write (its database is down, say): as cut off as it gets
		throw new IOException("The core answered " + status + ": " + detail);
	}

	private String detail(String body) {
		try {
			return json.readTree(body).path("detail").asString(body);
		} catch (RuntimeException notJson) {
			return body;
		}
	}
}
