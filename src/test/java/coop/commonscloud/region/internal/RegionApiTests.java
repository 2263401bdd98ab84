package coop.commonscloud.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.region.internal.domain.RegionFixtures;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class RegionApiTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String UNCLOSED = "{\"type\":\"Polygon\",\"coordinates\":[[[144.9,-37.9],[145.0,-37.9],[145.0,-37.8],[144.9,-37.8]]]}";
	static final String BOWTIE = "{\"type\":\"Polygon\",\"coordinates\":[[[144.9,-37.9],[145.0,-37.8],[145.0,-37.9],[144.9,-37.8],[144.9,-37.9]]]}";
	static final String LATITUDE_ABOVE_90 = "{\"type\":\"Polygon\",\"coordinates\":[[[144.9,-37.9],[145.0,91.5],[145.0,-37.8],[144.9,-37.9]]]}";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	String slug;

	@BeforeEach
	void a_region_with_a_boundary() throws Exception {
		slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(put("/api/regions/" + slug).with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Test region\"}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.name").value("Test region"));
		mvc.perform(put("/api/regions/" + slug + "/boundary").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content(RegionFixtures.polygonWithHole()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.hasBoundary").value(true));
	}

	@Test
	void putting_the_region_again_renames_it() throws Exception {
		mvc.perform(put("/api/regions/" + slug).with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Renamed region\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Renamed region"));
		mvc.perform(get("/api/regions/" + slug)).andExpect(jsonPath("$.name").value("Renamed region"));
	}

	@Test
	void the_public_can_ask_whether_a_point_is_local() throws Exception {
		mvc.perform(get("/api/regions/" + slug + "/locality").param("lat", "-38.05").param("lon", "145.30"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.inside").value(true))
				.andExpect(jsonPath("$.qualifies").value(true))
				.andExpect(jsonPath("$.allowanceMetres").value(1000.0))
				.andExpect(jsonPath("$.distanceToBoundaryMetres").isNumber());
		double reference = RegionFixtures.referenceDistanceMetres(-37.85, 144.905, RegionFixtures.SHELL, RegionFixtures.HOLE);
		mvc.perform(get("/api/regions/" + slug + "/locality").param("lat", "-37.85").param("lon", "144.905"))
				.andExpect(jsonPath("$.inside").value(false))
				.andExpect(jsonPath("$.qualifies").value(true))
				.andExpect(jsonPath("$.distanceToBoundaryMetres").value(closeTo(reference, reference * 0.005)));
	}

	@Test
	void a_locality_question_with_a_latitude_out_of_range_is_a_problem() throws Exception {
		mvc.perform(get("/api/regions/" + slug + "/locality").param("lat", "95").param("lon", "145"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("Latitude must be from -90 to 90")));
		mvc.perform(get("/api/regions/" + slug + "/locality").param("lat", "north").param("lon", "145"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void a_boundary_in_the_form_of_a_feature_collection_is_read() throws Exception {
		String collection = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
				+ "\"geometry\":" + RegionFixtures.polygonWithHole() + "}]}";
		mvc.perform(put("/api/regions/" + slug + "/boundary").with(STEWARD).contentType("application/geo+json")
				.content(collection))
				.andExpect(status().isOk());
		mvc.perform(get("/api/regions/" + slug + "/locality").param("lat", "-37.85").param("lon", "144.99"))
				.andExpect(jsonPath("$.inside").value(false));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"unclosed ring", "self-intersecting ring", "latitude above 90", "not JSON"})
	void a_bad_boundary_gets_a_problem_detail_and_stores_nothing(String fault) throws Exception {
		String before = storedBoundary();
		String body = switch (fault) {
			case "unclosed ring" -> UNCLOSED;
			case "self-intersecting ring" -> BOWTIE;
			case "latitude above 90" -> LATITUDE_ABOVE_90;
			case "not JSON" -> "this is a boundary, honest";
			default -> throw new IllegalArgumentException(fault);
		};
		String expected = switch (fault) {
			case "unclosed ring" -> "is not closed";
			case "self-intersecting ring" -> "Self-intersection";
			case "latitude above 90" -> "latitude 91.5, outside -90 to 90";
			default -> "not valid JSON";
		};
		mvc.perform(put("/api/regions/" + slug + "/boundary").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.detail", containsString(expected)));
		assertThat(storedBoundary()).isEqualTo(before);
	}

	@Test
	void a_boundary_too_large_to_take_is_refused_with_413_and_stores_nothing() throws Exception {
		String before = storedBoundary();
		mvc.perform(put("/api/regions/" + slug + "/boundary").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content(tenMegabytes()))
				.andExpect(status().isPayloadTooLarge());
		assertThat(storedBoundary()).isEqualTo(before);
	}

	@Test
	void the_public_cannot_set_a_boundary() throws Exception {
		String before = storedBoundary();
		mvc.perform(put("/api/regions/" + slug + "/boundary").contentType(MediaType.APPLICATION_JSON).content(BOWTIE))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(storedBoundary()).isEqualTo(before);
	}

	private String storedBoundary() {
		return jdbc.sql("select boundary::text || updated_at::text from region where slug = :slug")
				.param("slug", slug).query(String.class).single();
	}

	private static String tenMegabytes() {
		char[] filler = new char[10 * 1024 * 1024];
		Arrays.fill(filler, ' ');
		return "{\"type\":\"Polygon\",\"coordinates\":[]," + "\"padding\":\"" + new String(filler) + "\"}";
	}
}
