package coop.commonscloud.infrastructure.internal;

import static coop.commonscloud.platform.internal.ApiSliceSecurity.SIGNED_IN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.internal.ApiSliceSecurity;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The servers API's error mapping, in a web slice. */
@WebMvcTest(controllers = ServerApi.class,
		excludeFilters = @Filter(type = FilterType.REGEX, pattern = "coop\\.commonscloud\\.identity\\..*"))
@Import(ApiSliceSecurity.class)
class ServerApiSliceTests {

	@Autowired
	MockMvc mvc;
	@MockitoBean
	Servers servers;
	@MockitoBean
	Caller caller;

	@Test
	void a_power_draw_that_is_not_a_whole_number_names_the_field() throws Exception {
		mvc.perform(post("/api/servers").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\":\"rack-1\",\"nominalDrawW\":\"a lot\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("'nominalDrawW' must be a whole number"));
		verifyNoInteractions(servers);
	}

	@Test
	void a_partner_id_that_is_not_a_uuid_names_the_field() throws Exception {
		mvc.perform(post("/api/servers").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON)
						.content("{\"partnerId\":\"north\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("'partnerId' must be an identifier (UUID)"));
	}

	static final String SERVER = "{\"partnerId\":\"" + UUID.randomUUID() + "\",\"siteId\":\"" + UUID.randomUUID()
			+ "\",\"name\":\"rack-1\",\"role\":\"REGIONAL\"}";

	@Test
	void a_server_without_its_partner_is_refused_before_it_reaches_the_servers() throws Exception {
		mvc.perform(post("/api/servers").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"rack-1\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.problems[0]").value("A server needs the partner that runs it ('partnerId')"));
		verifyNoInteractions(servers);
	}

	@Test
	void an_unknown_server_is_a_404_problem() throws Exception {
		given(servers.get(any())).willThrow(new NotFound("No server with this id"));

		mvc.perform(get("/api/servers/" + UUID.randomUUID()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Not found"));
	}

	@Test
	void changing_another_partners_server_is_a_403_problem() throws Exception {
		given(servers.update(any(), any())).willThrow(new NotPermitted("Only a steward or an admin of this partner may change its records"));

		mvc.perform(put("/api/servers/" + UUID.randomUUID()).with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content(SERVER))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("Not permitted"));
	}

	@Test
	void a_conflicting_change_is_a_409_problem() throws Exception {
		given(servers.add(any())).willThrow(new Conflict("A server of this partner already has this name"));

		mvc.perform(post("/api/servers").with(SIGNED_IN).contentType(MediaType.APPLICATION_JSON).content(SERVER))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.title").value("Conflict"))
				.andExpect(jsonPath("$.detail").value("A server of this partner already has this name"));
	}

	@Test
	void adding_a_server_without_signing_in_is_a_401_problem() throws Exception {
		mvc.perform(post("/api/servers").contentType(MediaType.APPLICATION_JSON).content(SERVER))
				.andExpect(status().isUnauthorized());
		verifyNoInteractions(servers);
	}
}
