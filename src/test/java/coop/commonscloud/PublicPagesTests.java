package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** What everyone sees: the home and region pages with the map, sign-in and errors. */
class PublicPagesTests extends WebPageTestSupport {

	@Test
	void the_home_page_renders_for_the_public_with_nothing_from_elsewhere() throws Exception {
		Document page = page(mvc.perform(get("/")).andExpect(status().isOk()));
		assertThat(page.select("link[rel=stylesheet]").attr("href")).matches("/css/site-[0-9a-f]{32}\\.css");
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
}
