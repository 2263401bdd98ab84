package coop.commonscloud;

import static coop.commonscloud.SiteLayout.assertHasTheSiteLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.metering.MeteringParameters;
import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.region.Site;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The public catalogue of services on offer, and the public list of platform parameters with their history. */
class CatalogueAndParametersPagesTests extends WebPageTestSupport {

	@Autowired
	Catalogue catalogue;
	@Autowired
	PlatformParameters parameters;

	@Test
	void the_catalogue_lists_offerings_by_application_partner_and_location_and_filters_without_javascript() throws Exception {
		Application cloud = application("Cloud " + suffix);
		Application chat = application("Chat " + suffix);
		Site library = sites.ofPartner(partner.id()).stream().filter(s -> s.name().startsWith("Library")).findFirst().orElseThrow();
		offer(chat, "near-", "javascript:alert(1)");
		offer(cloud, "near-", "https://cloud-" + suffix + ".example.org");
		offer(cloud, "far-", null);

		Document all = page(mvc.perform(get("/catalogue")).andExpect(status().isOk()));
		assertHasTheSiteLayout(all);
		assertThat(all.select("header.site-header nav a[href=/catalogue]")).hasSize(1);
		assertThat(all.select("script")).isEmpty();
		assertThat(all.select("form#catalogue-filter").attr("method")).isEqualTo("get");
		assertThat(rows(all, "Cloud " + suffix)).hasSize(2);
		Element near = all.selectFirst("table#catalogue tr.service:has(th a:containsOwn(Cloud %s))".formatted(suffix));
		assertThat(near.select("th a").attr("href")).isEqualTo("https://cloud-" + suffix + ".example.org");
		assertThat(near.text()).contains("Solar Co-op " + suffix).contains("Library " + suffix + " (Library)")
				.contains("AGPL-3.0-or-later");
		assertThat(near.select("td a").attr("href")).isEqualTo("/qualification/partners/" + partner.id());
		assertThat(near.select("td .badge").text()).as("the partner's standing beside it").isNotBlank();
		Element chatRow = rows(all, "Chat " + suffix).get(0);
		assertThat(chatRow.select("a[href^=javascript]")).as("an address that is not a web address is no link").isEmpty();
		assertThat(all.select("select#application option[value=%s]".formatted(cloud.id().value()))).hasSize(1);

		Document byApplication = page(mvc.perform(get("/catalogue").param("application", cloud.id().value().toString())));
		assertThat(rows(byApplication, "Cloud " + suffix)).hasSize(2);
		assertThat(rows(byApplication, "Chat " + suffix)).isEmpty();
		assertThat(byApplication.select("select#application option[selected]").attr("value")).isEqualTo(cloud.id().value().toString());

		Document byBoth = page(mvc.perform(get("/catalogue").param("application", cloud.id().value().toString())
				.param("location", library.id().value().toString())));
		assertThat(rows(byBoth, "Cloud " + suffix)).hasSize(1);
		assertThat(rows(byBoth, "Cloud " + suffix).get(0).text()).contains("Library " + suffix);
		assertThat(byBoth.select("select#location option[selected]").text()).isEqualTo("Library " + suffix);
	}

	@Test
	void a_filter_that_matches_nothing_says_so_and_offers_every_service() throws Exception {
		offer(application("Lonely " + suffix), "near-", null);
		for (String application : new String[] { "00000000-0000-0000-0000-000000000000", "not-an-id<script>" }) {
			Document none = page(mvc.perform(get("/catalogue").param("application", application)).andExpect(status().isOk()));
			assertHasTheSiteLayout(none);
			assertThat(none.select("#catalogue-no-match").text()).contains("No service matches this choice");
			assertThat(none.select("#catalogue-no-match a").attr("href")).isEqualTo("/catalogue");
			assertThat(none.select("table#catalogue")).isEmpty();
		}
	}

	@Test
	void the_parameters_page_shows_each_value_in_force_with_its_history_who_set_it_and_the_decision() throws Exception {
		var key = MeteringParameters.REPORT_CAP;
		var current = parameters.current(key);
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			parameters.set(new ParameterChange(key, current.amount(), Instant.now(), "admin",
					"Parameters page test " + suffix + ": the same value again", "/governance/decisions/4242"));
		} finally {
			SecurityContextHolder.clearContext();
		}
		Document page = page(mvc.perform(get("/parameters")).andExpect(status().isOk()));
		assertHasTheSiteLayout(page);
		assertThat(page.select("footer.site-footer a#parameters-link").attr("href")).isEqualTo("/parameters");
		Element section = page.getElementById("parameter-" + key.name());
		assertThat(section).isNotNull();
		assertThat(section.select(".in-force").text()).contains(current.toString());
		Element newest = section.selectFirst("table.history tbody tr.entry");
		assertThat(newest.text()).contains("admin").contains("Parameters page test " + suffix);
		assertThat(newest.select("a.decision").attr("href")).isEqualTo("/governance/decisions/4242");
		assertThat(newest.select("a.decision").text()).isEqualTo("Decision 4242");
		Element first = section.select("table.history tbody tr.entry").last();
		assertThat(first.text()).contains("the platform (first value)").contains("none");
		assertThat(page.select("section.parameter")).hasSize(parameters.definitions().size());
	}

	private Application application(String name) {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			return catalogue.addApplication(new ApplicationDetails(name, "AGPL-3.0-or-later", false, null, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void offer(Application application, String serverPrefix, String address) {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			var server = servers.ofPartner(partner.id()).stream().filter(s -> s.details().name().startsWith(serverPrefix))
					.findFirst().orElseThrow();
			catalogue.addOffering(new OfferingDetails(partner.id(), server.id(), application.id(), Audience.GENERAL_PUBLIC,
					false, false, address));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static java.util.List<Element> rows(Document page, String application) {
		return page.select("table#catalogue tr.service").stream().filter(r -> r.selectFirst("th").text().equals(application))
				.toList();
	}
}
