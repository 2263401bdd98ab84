package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.region.Site;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockMultipartFile;

/** The management pages: who may see and change what, and forms that keep what was typed. */
class ManagePagesTests extends WebPageTestSupport {

	@Test
	void a_partner_admin_sees_their_partners_page_with_its_sites_and_forms() throws Exception {
		Document page = page(mvc.perform(get("/manage/partners/" + partner.id()).with(signedIn(adminName)))
				.andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("Solar Co-op " + suffix);
		assertThat(page.select("table#partner-sites th:containsOwn(Library %s)".formatted(suffix))).hasSize(1);
		assertThat(page.select("table#partner-servers th:containsOwn(near-%s)".formatted(suffix))).hasSize(1);
		assertThat(page.select("form#site-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("form#server-form")).hasSize(1);
		assertThat(page.select("form#admin-form")).as("only stewards open accounts").isEmpty();
		for (Element input : page.select("main input:not([type=hidden]), main select, main textarea")) {
			assertThat(page.select("label[for=%s]".formatted(input.id()))).as("label for " + input.id()).hasSize(1);
		}
	}

	@Test
	void a_partner_admin_may_not_open_or_change_another_partners_records() throws Exception {
		mvc.perform(get("/manage/partners/" + otherPartner.id()).with(signedIn(adminName)))
				.andExpect(status().isForbidden());
		Document refused = page(mvc.perform(post("/manage/partners/" + otherPartner.id() + "/sites")
						.with(signedIn(adminName)).with(csrf())
						.param("region", region.value()).param("name", "Sneaky " + suffix).param("kind", "HOME")
						.param("latitude", "-37.8").param("longitude", "145.0"))
				.andExpect(status().isForbidden()));
		assertThat(refused.select("h1").text()).isEqualTo("Not permitted");
		assertThat(sites.ofPartner(otherPartner.id())).isEmpty();
	}

	@Test
	void a_site_with_bad_coordinates_comes_back_with_the_problem_and_everything_typed() throws Exception {
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/sites")
						.with(signedIn(adminName)).with(csrf())
						.param("region", region.value()).param("name", "Hall " + suffix).param("kind", "COMMUNITY_HOUSE")
						.param("latitude", "north").param("longitude", "145.0").param("address", "2 Side Road"))
				.andExpect(status().isOk()));
		assertThat(page.select("[role=alert] li").text()).contains("Latitude must be decimal degrees, such as -37.8136; got 'north'");
		assertThat(page.select("input[name=name]").val()).isEqualTo("Hall " + suffix);
		assertThat(page.select("input[name=latitude]").val()).isEqualTo("north");
		assertThat(page.select("input[name=longitude]").val()).isEqualTo("145.0");
		assertThat(page.select("input[name=address]").val()).isEqualTo("2 Side Road");
		assertThat(page.select("select[name=kind] option[selected]").val()).isEqualTo("COMMUNITY_HOUSE");
		assertThat(page.select("select[name=region] option[selected]").val()).isEqualTo(region.value());
	}

	@Test
	void a_site_added_through_the_form_redirects_back_with_a_notice() throws Exception {
		mvc.perform(post("/manage/partners/" + partner.id() + "/sites")
						.with(signedIn(adminName)).with(csrf())
						.param("region", region.value()).param("name", "Hall " + suffix).param("kind", "COMMUNITY_HOUSE")
						.param("latitude", "-37.8").param("longitude", "145.05"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/manage/partners/" + partner.id()))
				.andExpect(flash().attribute("notice", "Site 'Hall " + suffix + "' added"));
	}

	@Test
	void a_server_with_a_low_power_draw_above_its_nominal_draw_comes_back_explained() throws Exception {
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/servers")
						.with(signedIn(adminName)).with(csrf())
						.param("name", "odd-" + suffix).param("role", "REGIONAL")
						.param("site", sites.ofPartner(partner.id()).get(0).id().toString())
						.param("nominalDrawW", "10").param("lowPowerDrawW", "20").param("batteryWh", "")
						.param("renewablePeakW", "many"))
				.andExpect(status().isOk()));
		assertThat(page.select("[role=alert] li").eachText())
				.containsExactly("The renewable peak must be a whole number; got 'many'");
		assertThat(page.select("input[name=renewablePeakW]").val()).isEqualTo("many");
	}

	@Test
	void a_steward_sees_an_invalid_boundary_explained_with_the_text_kept() throws Exception {
		Document page = page(mvc.perform(post("/manage/regions/" + region + "/boundary")
						.with(signedIn("admin")).with(csrf())
						.param("boundary", "{\"type\":\"Point\",\"coordinates\":[145,-37]}"))
				.andExpect(status().isOk()));
		assertThat(page.select("[role=alert] li").text()).contains("'Point'");
		assertThat(page.select("textarea[name=boundary]").text()).contains("\"Point\"");
	}

	@Test
	void a_steward_uploads_a_boundary_file_and_the_map_follows_it() throws Exception {
		String triangle = "{\"type\":\"Polygon\",\"coordinates\":[[[144.9,-37.9],[145.1,-37.9],[145.0,-37.7],[144.9,-37.9]]]}";
		mvc.perform(multipart("/manage/regions/" + region + "/boundary")
						.file(new MockMultipartFile("file", "region.geojson", "application/geo+json", triangle.getBytes()))
						.with(signedIn("admin")).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/manage/regions/" + region))
				.andExpect(flash().attribute("notice", "Boundary of 'Web Region " + suffix + "' saved"));
		Document page = page(mvc.perform(get("/regions/" + region)));
		assertThat(page.select("svg g.boundaries path").attr("d")).doesNotContain("ZM");
	}

	@Test
	void only_stewards_get_the_region_forms() throws Exception {
		mvc.perform(get("/manage/regions/new").with(signedIn(adminName))).andExpect(status().isForbidden());
		mvc.perform(get("/manage/regions/" + region).with(signedIn(adminName))).andExpect(status().isForbidden());
		mvc.perform(get("/manage/regions/new").with(signedIn("admin"))).andExpect(status().isOk());
	}

	@Test
	void a_steward_registers_a_partner_with_a_contact_whose_name_has_a_comma() throws Exception {
		mvc.perform(post("/manage/partners").with(signedIn("admin")).with(csrf())
						.param("legalName", "Comma Co-op " + suffix).param("structure", "UNINCORPORATED_COLLECTIVE")
						.param("registrationNumber", "")
						.param("contactName", "Smith, Jo").param("contactRole", "Secretary")
						.param("contactEmail", "jo@example.org").param("contactPhone", ""))
				.andExpect(status().is3xxRedirection());
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			assertThat(partners.managedByCaller()).filteredOn(p -> p.legalName().equals("Comma Co-op " + suffix))
					.singleElement().satisfies(p -> assertThat(p.contacts()).singleElement()
							.satisfies(c -> assertThat(c.name()).isEqualTo("Smith, Jo")));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
