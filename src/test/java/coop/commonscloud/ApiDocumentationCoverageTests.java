package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code docs/api.md} documents every {@code /api} endpoint the application serves, and nothing
 * it no longer serves. The endpoints come from the OpenAPI description at {@code /v3/api-docs};
 * an endpoint is documented by a table row whose first cell is {@code `METHOD /api/path`}, with
 * the path's {placeholders} as OpenAPI names them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocumentationCoverageTests {

	static final Path API_DOCS = Path.of("docs/api.md");

	/** A table row's first cell: {@code | `GET /api/regions/{slug}` |}. */
	static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\|\\s*`([A-Z]+) (/api[^`\\s]*)`\\s*\\|");

	static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

	@Autowired
	MockMvc mvc;

	@Test
	void every_api_endpoint_is_documented_in_docs_api_md_and_every_documented_one_exists() throws Exception {
		Set<String> served = served();
		Set<String> documented = documented();
		assertThat(served).as("the OpenAPI description lists the /api endpoints").isNotEmpty();

		Set<String> undocumented = new TreeSet<>(served);
		undocumented.removeAll(documented);
		Set<String> gone = new TreeSet<>(documented);
		gone.removeAll(served);

		assertThat(undocumented)
				.as("endpoints served but not documented in docs/api.md (add a table row `METHOD /api/path`)")
				.isEmpty();
		assertThat(gone)
				.as("endpoints documented in docs/api.md that the application no longer serves")
				.isEmpty();
	}

	/** Every (method, path) under /api in the OpenAPI description, as "GET /api/regions/{slug}". */
	Set<String> served() throws Exception {
		String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(json, "$.paths");
		Set<String> endpoints = new TreeSet<>();
		paths.forEach((path, operations) -> {
			if (path.startsWith("/api/") || path.equals("/api")) {
				operations.keySet().stream().filter(METHODS::contains)
						.forEach(method -> endpoints.add(method.toUpperCase() + " " + path));
			}
		});
		return endpoints;
	}

	static Set<String> documented() throws IOException {
		Matcher row = DOCUMENTED.matcher(Files.readString(API_DOCS));
		Set<String> endpoints = new TreeSet<>();
		while (row.find()) {
			endpoints.add(row.group(1) + " " + row.group(2));
		}
		return endpoints;
	}
}
