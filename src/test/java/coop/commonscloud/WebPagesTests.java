package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The web pages against the real application and database, signed in as the people who use them. */
@SpringBootTest
@AutoConfigureMockMvc
class WebPagesTests {

	/** A square region with a square hole, around 145°E 37.8°S. */
	static final String BOUNDARY = """
			{"type":"Polygon","coordinates":[
			 [[144.9,-37.9],[145.1,-37.9],[145.1,-37.7],[144.9,-37.7],[144.9,-37.9]],
			 [[144.98,-37.82],[145.02,-37.82],[145.02,-37.78],[144.98,-37.78],[144.98,-37.82]]]}""";

	static final UsernamePasswordAuthenticationToken STEWARD = UsernamePasswordAuthenticationToken.authenticated(
			"admin", null, List.of(new SimpleGrantedAuthority("ROLE_STEWARD")));

	@Autowired
	MockMvc mvc;
	@Autowired
	Regions regions;
	@Autowired
	Partners partners;
	@Autowired
	Sites sites;
	@Autowired
	Servers servers;
	@Autowired
	Accounts accounts;
	@Autowired
	UserDetailsService users;

	String suffix;
	RegionSlug region;
	Partner partner;
	Partner otherPartner;
	String adminName;

	@BeforeEach
	void a_region_with_two_partners_one_of_them_with_an_admin_a_site_and_servers() {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			region = new RegionSlug("web-" + suffix);
			regions.createOrRename(region, "Web Region " + suffix);
			regions.setBoundary(region, BOUNDARY);
			partner = partners.register(new PartnerDetails("Solar Co-op " + suffix, Structure.REGISTERED_COOPERATIVE,
					"A" + suffix, List.of()));
			otherPartner = partners.register(new PartnerDetails("Other Co-op " + suffix,
					Structure.UNINCORPORATED_COLLECTIVE, null, List.of()));
			adminName = "admin-" + suffix;
			accounts.open(new NewAccount(adminName, "Partner Admin", "a-long-enough-password", Role.PARTNER_ADMIN,
					partner.id().value()));
			Site library = sites.add(new SiteDetails(region, partner.id(), "Library " + suffix, SiteKind.LIBRARY,
					new Coordinates(-37.75, 144.95), "1 Main Street"));
			Site far = sites.add(new SiteDetails(region, partner.id(), "Far Shed " + suffix, SiteKind.PARTNER_RACK,
					new Coordinates(-38.2, 145.0), null));
			servers.add(new ServerDetails(partner.id(), library.id(), "near-" + suffix, ServerRole.REGIONAL, null, 40,
					10, 1000, 300, null, null));
			servers.add(new ServerDetails(partner.id(), far.id(), "far-" + suffix, ServerRole.REGIONAL, null, 40, 10,
					1000, 300, null, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void the_home_page_renders_for_the_public_with_nothing_from_elsewhere() throws Exception {
		Document page = page(mvc.perform(get("/")).andExpect(status().isOk()));
		assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/site.css");
		assertThat(page.select("script, img, iframe")).isEmpty();
		assertThat(page.select("main#main h1")).hasSize(1);
		assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
	}

	@Test
	void the_region_page_draws_the_boundary_with_its_hole_and_marks_servers_by_locality() throws Exception {
		Document page = page(mvc.perform(get("/regions/" + region)).andExpect(status().isOk()));
		Elements boundary = page.select("svg g.boundaries path[fill-rule=evenodd]");
		assertThat(boundary).hasSize(1);
		assertThat(boundary.attr("d")).as("the shell and its hole are one path").contains("ZM").endsWith("Z");
		assertThat(page.select("svg g.site[data-site-name='Library %s'] title".formatted(suffix)).text())
				.isEqualTo("Library %s (Library)".formatted(suffix));
		assertThat(page.select("svg g.server[data-server-name=near-%s]".formatted(suffix)).attr("data-qualifies"))
				.isEqualTo("true");
		Element far = page.selectFirst("svg g.server[data-server-name=far-%s]".formatted(suffix));
		assertThat(far.attr("data-qualifies")).isEqualTo("false");
		assertThat(far.select("title").text()).contains("does not qualify").contains("outside the boundary");
		assertThat(page.select("table#servers th:containsOwn(far-%s)".formatted(suffix))).hasSize(1);
		assertThat(page.select("table#sites th:containsOwn(Library %s)".formatted(suffix))).hasSize(1);
	}

	@Test
	void an_unknown_region_is_a_readable_not_found_page() throws Exception {
		Document page = page(mvc.perform(get("/regions/no-such-" + suffix)).andExpect(status().isNotFound()));
		assertThat(page.select("main").text()).contains("There is no region 'no-such-" + suffix + "'");
	}

	@Test
	void the_sign_in_page_has_a_form_with_a_csrf_token_and_labelled_fields() throws Exception {
		Document page = page(mvc.perform(get("/login")).andExpect(status().isOk()));
		assertThat(page.select("form#sign-in input[name=_csrf]")).hasSize(1);
		assertThat(page.select("label[for=username]")).hasSize(1);
		assertThat(page.select("label[for=password]")).hasSize(1);
		assertThat(page.select("[role=alert]")).isEmpty();
		Document failed = page(mvc.perform(get("/login").param("error", "")));
		assertThat(failed.select("[role=alert]").text()).contains("username or password is not right");
	}

	@Test
	void managing_needs_signing_in() throws Exception {
		mvc.perform(get("/manage")).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
	}

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

	private RequestPostProcessor signedIn(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}
}
