package coop.commonscloud;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bad input gets an RFC 9457 problem detail that names the field and what it takes. */
@SpringBootTest
@AutoConfigureMockMvc
class ProblemDetailsTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");

	@Autowired
	MockMvc mvc;

	@Test
	void every_broken_rule_of_a_record_is_listed() throws Exception {
		mvc.perform(post("/api/partners").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"legalName\":\"\",\"structure\":null}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.problems.length()").value(2))
				.andExpect(jsonPath("$.problems", hasItem(containsString("legal name"))));
	}

	@Test
	void an_unknown_choice_names_the_field_and_the_allowed_values() throws Exception {
		mvc.perform(post("/api/partners").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"legalName\":\"Some Co-op\",\"structure\":\"LLC\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("'structure' must be one of")))
				.andExpect(jsonPath("$.detail", containsString("got 'LLC'")))
				.andExpect(jsonPath("$.detail", not(containsString("coop.commonscloud"))));
	}

	@Test
	void a_wrongly_typed_field_is_named() throws Exception {
		mvc.perform(post("/api/servers").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"partnerId\":\"not-a-uuid\",\"name\":\"x\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("'partnerId' must be an identifier (UUID)")));
		mvc.perform(post("/api/servers").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"nominalDrawW\":\"lots\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("'nominalDrawW' must be a whole number")));
	}

	@Test
	void an_unknown_record_is_a_404_problem_and_a_bad_page_size_a_400() throws Exception {
		mvc.perform(get("/api/partners/00000000-0000-0000-0000-000000000000"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/partners").param("size", "1000"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("size must be from 1 to 200")));
	}

	@Test
	void identifiers_are_plain_values_in_json() throws Exception {
		mvc.perform(get("/api/parameters"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.key == 'locality.allowance')].value.amount").value(hasItem(1000)));
	}
}
