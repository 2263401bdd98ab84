package coop.commonscloud.governance.internal;

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

/** The governance API's error mapping, in a web slice. */
@WebMvcTest(controllers = GovernanceApi.class,
		excludeFilters = @Filter(type = FilterType.REGEX, pattern = "coop\\.commonscloud\\.identity\\..*"))
@Import(ApiSliceSecurity.class)
class GovernanceApiSliceTests {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	Proposals proposals;
	@MockitoBean
	Polls polls;
	@MockitoBean
	BallotBox ballotBox;
	@MockitoBean
	ClosingPoll closing;
	@MockitoBean
	Caller caller;

	@Test
	void an_unknown_kind_of_proposal_names_the_field_and_the_kinds_there_are() throws Exception {
		mvc.perform(post("/api/governance/proposals").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content("{\"kind\":\"REVOLUTION\",\"title\":\"Everything\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Unreadable request body"))
				.andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.startsWith("'kind' must be one of"),
						Matchers.containsString("PARAMETER_CHANGE"), Matchers.containsString("got 'REVOLUTION'"))));
		verifyNoInteractions(proposals);
	}

	@Test
	void an_unknown_proposal_is_a_404_problem() throws Exception {
		given(proposals.get(any())).willThrow(new NotFound("No proposal with this id"));

		mvc.perform(get("/api/governance/proposals/" + UUID.randomUUID()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Not found"));
	}

	@Test
	void proposing_without_signing_in_is_a_401_problem() throws Exception {
		mvc.perform(post("/api/governance/proposals").contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"GENERAL\"}"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.title").value("Unauthorized"));
		verifyNoInteractions(proposals);
	}
}
