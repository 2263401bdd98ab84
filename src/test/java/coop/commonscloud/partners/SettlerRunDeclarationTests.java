package coop.commonscloud.partners;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class SettlerRunDeclarationTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");

	@Autowired
	MockMvc mvc;

	@Test
	void undeclaredPartnersCountAsSettlerRunAndTheirAdminsCanDeclareOtherwise() throws Exception {
		String own = partner();
		String other = partner();
		String username = "settler-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"displayName\":\"A\",\"password\":\"a-long-enough-password\","
						+ "\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + own + "\"}"))
				.andExpect(status().isCreated());
		RequestPostProcessor admin = httpBasic(username, "a-long-enough-password");

		mvc.perform(get("/api/partners/" + own + "/settler-run")).andExpect(status().isOk())
				.andExpect(jsonPath("$.settlerRun").value(true));

		mvc.perform(put("/api/partners/" + own + "/settler-run").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"settlerRun\":false}")).andExpect(status().isOk()).andExpect(jsonPath("$.settlerRun").value(false));
		mvc.perform(get("/api/partners/" + own + "/settler-run")).andExpect(jsonPath("$.settlerRun").value(false));

		mvc.perform(put("/api/partners/" + other + "/settler-run").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"settlerRun\":false}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/partners/" + other + "/settler-run")).andExpect(jsonPath("$.settlerRun").value(true));

		mvc.perform(put("/api/partners/" + own + "/settler-run").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("settler-run")));
		mvc.perform(get("/api/partners/" + UUID.randomUUID() + "/settler-run")).andExpect(status().isNotFound());
	}

	private String partner() throws Exception {
		String json = mvc.perform(post("/api/partners").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"legalName\":\"Settler test " + UUID.randomUUID() + "\",\"structure\":\"REGISTERED_COOPERATIVE\","
						+ "\"registrationNumber\":\"C-1\",\"contacts\":[]}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$.id");
	}
}
