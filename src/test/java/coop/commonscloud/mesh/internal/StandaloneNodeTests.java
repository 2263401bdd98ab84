package coop.commonscloud.mesh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.platform.RegionData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Without mesh settings a node is standalone: it writes region data itself and replicates nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class StandaloneNodeTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	RegionData regionData;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	UserDetailsService users;

	@Test
	void a_node_without_mesh_settings_is_standalone_and_writes_region_data_itself() throws Exception {
		assertThat(regionData.writtenHere()).isTrue();
		mvc.perform(get("/api/mesh")).andExpect(status().isOk())
				.andExpect(jsonPath("$.role").value("standalone"))
				.andExpect(jsonPath("$.nodes").isEmpty());
		assertThat(jdbc.sql("select count(*) from pg_publication where pubname in ('region_data', 'site_data')")
				.query(Long.class).single()).isZero();
	}

	@Test
	void only_the_core_takes_join_requests_and_only_from_nodes_with_the_secret() throws Exception {
		mvc.perform(post("/mesh/node/join").contentType(MediaType.APPLICATION_JSON).content("{\"site\":\"x\"}"))
				.andExpect(status().isForbidden());
		// a standalone node has no node secret, so even the bare scheme is refused
		mvc.perform(post("/mesh/node/join").header("Authorization", "Node ").contentType(MediaType.APPLICATION_JSON)
				.content("{\"site\":\"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/mesh/sites/x/approve").with(httpBasic("admin", "steward-password-for-tests")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("Sites join the region's core")));
	}

	@Test
	void the_mesh_page_is_for_stewards() throws Exception {
		mvc.perform(get("/manage/mesh")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/manage/mesh").with(user(users.loadUserByUsername("admin"))))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("standalone (no mesh)")));
	}
}
