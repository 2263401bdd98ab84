package coop.commonscloud.region.internal;

import static coop.commonscloud.platform.internal.ApiSliceSecurity.SIGNED_IN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.internal.ApiSliceSecurity;
import coop.commonscloud.region.Sites;
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

/** The sites API's reading of its input and its error mapping, in a web slice. */
@WebMvcTest(controllers = SiteApi.class,
		excludeFilters = @Filter(type = FilterType.REGEX, pattern = "coop\\.commonscloud\\.identity\\..*"))
@Import(ApiSliceSecurity.class)
class SiteApiSliceTests {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	Sites sites;
	@MockitoBean
	Caller caller;

	static String site(String kind, String coordinates) {
		return "{\"region\":\"slice-region\",\"name\":\"Slice site\",\"kind\":\"" + kind + "\"" + coordinates + "}";
	}

	@Test
	void a_site_without_coordinates_is_refused_before_it_reaches_the_sites() throws Exception {
		mvc.perform(post("/api/sites").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content(site("LIBRARY", "")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.problems[0]").value(Matchers.containsString("'latitude' and 'longitude'")));
		verifyNoInteractions(sites);
	}

	@Test
	void a_nul_character_in_the_kind_of_site_is_refused_naming_the_field() throws Exception {
		mvc.perform(post("/api/sites").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content(site("LIBRARY\\u0000", ",\"latitude\":-33.9,\"longitude\":151.2")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("'kind' contains a NUL")));
		verifyNoInteractions(sites);
	}

	@Test
	void a_latitude_that_is_not_a_number_names_the_field() throws Exception {
		mvc.perform(post("/api/sites").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content(site("LIBRARY", ",\"latitude\":\"north\",\"longitude\":151.2")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Unreadable request body"))
				.andExpect(jsonPath("$.detail").value("'latitude' must be a number"));
	}

	@Test
	void an_id_that_is_not_a_uuid_is_a_400_problem_naming_it() throws Exception {
		mvc.perform(get("/api/sites/not-an-id"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.problems[0]").value("'id' could not be read from 'not-an-id'"));
	}

	@Test
	void an_unknown_site_is_a_404_problem() throws Exception {
		given(sites.get(any())).willThrow(new NotFound("No site with this id"));

		mvc.perform(get("/api/sites/" + UUID.randomUUID()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Not found"));
	}

	@Test
	void adding_a_site_without_signing_in_is_a_401_problem() throws Exception {
		mvc.perform(post("/api/sites").contentType(MediaType.APPLICATION_JSON).content(site("LIBRARY", "")))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.status").value(401));
		verifyNoInteractions(sites);
	}
}
