package coop.commonscloud.catalogue.internal;

import static coop.commonscloud.platform.internal.ApiSliceSecurity.SIGNED_IN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.internal.ApiSliceSecurity;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The catalogue API's error mapping, in a web slice. */
@WebMvcTest(controllers = CatalogueApi.class,
		excludeFilters = @Filter(type = FilterType.REGEX, pattern = "coop\\.commonscloud\\.identity\\..*"))
@Import(ApiSliceSecurity.class)
class CatalogueApiSliceTests {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	Catalogue catalogue;
	@MockitoBean
	Caller caller;

	@Test
	void malformed_json_is_an_unreadable_body_problem() throws Exception {
		mvc.perform(post("/api/applications").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Unreadable request body"))
				.andExpect(jsonPath("$.problems[0]").value(Matchers.startsWith("The request body is not valid JSON")));
		verifyNoInteractions(catalogue);
	}

	@Test
	void a_flag_that_is_not_true_or_false_names_the_field() throws Exception {
		mvc.perform(post("/api/applications").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"Nextcloud\",\"coveredByLoRes\":\"perhaps\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("'coveredByLoRes' must be true or false"));
		verifyNoInteractions(catalogue);
	}

	@Test
	void every_broken_rule_of_an_application_is_listed_before_it_reaches_the_catalogue() throws Exception {
		mvc.perform(post("/api/applications").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content("{\"coveredByLoRes\":true}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.problems.length()").value(Matchers.greaterThanOrEqualTo(2)))
				.andExpect(jsonPath("$.problems").value(Matchers.hasItem(
						Matchers.startsWith("An application needs its SPDX licence expression"))));
		verifyNoInteractions(catalogue);
	}

	@Test
	void a_body_that_is_not_json_is_refused_as_an_unsupported_media_type() throws Exception {
		mvc.perform(post("/api/applications").with(SIGNED_IN).contentType(MediaType.APPLICATION_XML).content("<application/>"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.status").value(415));
		verifyNoInteractions(catalogue);
	}

	@Test
	void an_unknown_application_is_a_404_problem() throws Exception {
		given(catalogue.getApplication(any())).willThrow(new NotFound("No application with this id"));

		mvc.perform(get("/api/applications/" + UUID.randomUUID()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Not found"))
				.andExpect(jsonPath("$.detail").value("No application with this id"));
	}

	@Test
	void adding_an_application_without_signing_in_is_a_401_problem() throws Exception {
		mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Nextcloud\"}"))
				.andExpect(status().isUnauthorized());
		verifyNoInteractions(catalogue);
	}
}
