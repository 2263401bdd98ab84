package coop.commonscloud.parameters.internal;

import static coop.commonscloud.platform.internal.ApiSliceSecurity.SIGNED_IN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.internal.ApiSliceSecurity;
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

/** The parameters API's error mapping, in a web slice: no database, no other module. */
@WebMvcTest(controllers = ParameterApi.class,
		excludeFilters = @Filter(type = FilterType.REGEX, pattern = "coop\\.commonscloud\\.identity\\..*"))
@Import(ApiSliceSecurity.class)
class ParameterApiSliceTests {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	PlatformParameters parameters;
	@MockitoBean
	Caller caller;

	@Test
	void malformed_json_is_an_unreadable_body_problem() throws Exception {
		mvc.perform(post("/api/parameters/some.key").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content("{\"value\": 1,"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Unreadable request body"))
				.andExpect(jsonPath("$.detail").value(Matchers.startsWith("The request body is not valid JSON")));
		verifyNoInteractions(parameters);
	}

	@Test
	void a_value_that_is_not_a_number_names_the_field() throws Exception {
		mvc.perform(post("/api/parameters/some.key").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content("{\"value\": \"lots\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("about:blank"))
				.andExpect(jsonPath("$.problems[0]").value("'value' must be a number"));
	}

	@Test
	void a_body_that_is_not_json_is_refused_as_an_unsupported_media_type() throws Exception {
		mvc.perform(post("/api/parameters/some.key").with(SIGNED_IN).contentType(MediaType.TEXT_PLAIN).content("value=1"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(415));
	}

	@Test
	void the_history_of_an_unknown_parameter_is_a_404_problem() throws Exception {
		given(parameters.history(any())).willThrow(new NotFound("No parameter some.key"));

		mvc.perform(get("/api/parameters/some.key"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Not found"))
				.andExpect(jsonPath("$.detail").value("No parameter some.key"));
	}

	@Test
	void setting_a_parameter_without_signing_in_is_a_401_problem() throws Exception {
		mvc.perform(post("/api/parameters/some.key").contentType(MediaType.APPLICATION_JSON).content("{\"value\": 1}"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.title").value("Unauthorized"));
		verifyNoInteractions(parameters);
	}

	@Test
	void setting_a_parameter_as_someone_other_than_a_steward_is_a_403_problem() throws Exception {
		willThrow(new NotPermitted("Only a steward of the region may do this")).given(caller).requireSteward();

		mvc.perform(post("/api/parameters/some.key").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content("{\"value\": 1}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("Not permitted"))
				.andExpect(jsonPath("$.detail").value("Only a steward of the region may do this"));
		verifyNoInteractions(parameters);
	}
}
