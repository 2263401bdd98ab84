package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.catalogue.Application;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.identity.Client;
import coop.commonscloud.identity.Clients;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.metering.OfferingClientLinks;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** "Connect a service": the partner's clients, the one-step connection and the settings it writes out. */
class ServicePagesTests extends WebPageTestSupport {

	@Autowired
	Catalogue catalogue;
	@Autowired
	Clients clients;
	@Autowired
	OfferingClientLinks links;

	Application nextcloud;
	Application forgejo;
	Server near;

	@BeforeEach
	void nextcloud_and_forgejo_in_the_catalogue() throws Exception {
		nextcloud = asSteward(() -> catalogue.addApplication(new ApplicationDetails("Nextcloud " + suffix,
				"AGPL-3.0-or-later", false, null, null)));
		forgejo = asSteward(() -> catalogue.addApplication(new ApplicationDetails("Forgejo " + suffix,
				"GPL-3.0-or-later", false, null, null)));
		near = asSteward(() -> servers.ofPartner(partner.id()).stream()
				.filter(s -> s.details().name().startsWith("near-")).findFirst().orElseThrow());
	}

	@Test
	void with_no_service_yet_the_page_says_so_and_offers_the_connect_form() throws Exception {
		Document page = page(mvc.perform(get("/manage/partners/" + partner.id() + "/services").with(signedIn(adminName)))
				.andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("Services of Solar Co-op " + suffix);
		assertThat(page.select("#no-services").text()).isEqualTo("No services connected yet.");
		assertThat(page.select("form#connect-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("select[name=application] option").eachText()).contains("Nextcloud " + suffix, "Forgejo " + suffix);
		assertThat(page.select("select[name=server] option").eachText()).contains("near-" + suffix, "far-" + suffix);
		assertThat(page.select("#connected")).isEmpty();
		for (Element input : page.select("main input:not([type=hidden]), main select, main textarea")) {
			assertThat(page.select("label[for=%s]".formatted(input.id()))).as("label for " + input.id()).hasSize(1);
		}
		SiteLayout.assertHasTheSiteLayout(page);
	}

	@Test
	void connecting_nextcloud_makes_the_offering_and_its_client_linked_at_once_and_writes_out_the_occ_command() throws Exception {
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/services")
						.with(signedIn(adminName)).with(csrf())
						.param("application", nextcloud.id().toString()).param("offering", "")
						.param("server", near.id().toString()).param("audience", "MEMBERS_ONLY")
						.param("address", "https://cloud.solar.example/"))
				.andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "no-store")));
		String clientId = page.select("#client-id").text();
		assertThat(clientId).isNotBlank();
		assertThat(page.select("#client-secret").text()).hasSizeGreaterThan(30);
		String settings = page.select("#configuration").text();
		assertThat(settings).contains("php occ user_oidc:provider commonscloud",
				"--clientid='" + clientId + "'",
				"--clientsecret='" + page.select("#client-secret").text() + "'",
				"--discoveryuri='" + clients.issuer() + "/.well-known/openid-configuration'");
		assertThat(page.select("#connected li").eachText()).containsExactly(
				"https://cloud.solar.example/apps/user_oidc/code", "https://cloud.solar.example/index.php/apps/user_oidc/code");

		Offering offering = catalogue.offeringsOf(partner.id()).stream()
				.filter(o -> o.details().application().equals(nextcloud.id())).findFirst().orElseThrow();
		assertThat(offering.details().audience()).isEqualTo(Audience.MEMBERS_ONLY);
		assertThat(offering.details().address()).isEqualTo("https://cloud.solar.example/");
		assertThat(links.clientOf(offering.id())).as("metering counts its sign-ins from the first").contains(clientId);
		assertThat(asSteward(() -> clients.ofPartner(partner.id().value()))).singleElement()
				.satisfies(c -> assertThat(c.redirectUris()).contains("https://cloud.solar.example/apps/user_oidc/code"));

		Document listed = page(mvc.perform(get("/manage/partners/" + partner.id() + "/services").with(signedIn(adminName))));
		assertThat(listed.select("table#partner-services tbody tr")).singleElement().satisfies(row -> {
			assertThat(row.select("code").first().text()).isEqualTo(clientId);
			assertThat(row.text()).contains("Nextcloud " + suffix + " on near-" + suffix).doesNotContain("secret");
		});
		assertThat(listed.select("select[name=offering] option").eachText())
				.as("a connected offering is not offered again").containsExactly("A new offering");
	}

	@Test
	void connecting_forgejo_to_an_existing_offering_writes_out_the_add_oauth_command_with_its_callback() throws Exception {
		Offering offering = asSteward(() -> catalogue.addOffering(new OfferingDetails(partner.id(), near.id(), forgejo.id(),
				Audience.GENERAL_PUBLIC, false, false, "https://git.solar.example")));
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/services")
						.with(signedIn(adminName)).with(csrf())
						.param("application", forgejo.id().toString()).param("offering", offering.id().toString())
						.param("server", near.id().toString()).param("audience", "GENERAL_PUBLIC").param("address", ""))
				.andExpect(status().isOk()));
		String clientId = page.select("#client-id").text();
		assertThat(page.select("#configuration").text()).contains("forgejo admin auth add-oauth",
				"--name 'commonscloud'", "--provider openidConnect", "--key '" + clientId + "'",
				"--auto-discover-url '" + clients.issuer() + "/.well-known/openid-configuration'");
		assertThat(page.select("#connected li").eachText())
				.containsExactly("https://git.solar.example/user/oauth2/commonscloud/callback");
		assertThat(links.clientOf(offering.id())).contains(clientId);
		assertThat(asSteward(() -> clients.ofPartner(partner.id().value()))).extracting(Client::redirectUris)
				.containsExactly(List.of("https://git.solar.example/user/oauth2/commonscloud/callback"));
	}

	@Test
	void two_connected_services_are_both_listed() throws Exception {
		for (Application application : List.of(nextcloud, forgejo)) {
			mvc.perform(post("/manage/partners/" + partner.id() + "/services").with(signedIn(adminName)).with(csrf())
							.param("application", application.id().toString()).param("offering", "")
							.param("server", near.id().toString()).param("audience", "GENERAL_PUBLIC")
							.param("address", "https://" + application.details().name().replace(' ', '-').toLowerCase() + ".example"))
					.andExpect(status().isOk());
		}
		Document listed = page(mvc.perform(get("/manage/partners/" + partner.id() + "/services").with(signedIn(adminName))));
		assertThat(listed.select("table#partner-services tbody th").eachText()).containsExactly(
				"Nextcloud " + suffix + " at Solar Co-op " + suffix, "Forgejo " + suffix + " at Solar Co-op " + suffix);
	}

	@Test
	void a_refused_connection_comes_back_with_the_problem_and_what_was_typed_and_makes_nothing() throws Exception {
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/services")
						.with(signedIn(adminName)).with(csrf())
						.param("application", nextcloud.id().toString()).param("offering", "")
						.param("server", near.id().toString()).param("audience", "MEMBERS_ONLY")
						.param("address", "ftp://cloud.solar.example"))
				.andExpect(status().isOk()));
		assertThat(page.select("[role=alert] li").eachText()).containsExactly(
				"Give the service's address as people reach it, such as https://cloud.coop.example; got 'ftp://cloud.solar.example'");
		assertThat(page.select("input[name=address]").val()).isEqualTo("ftp://cloud.solar.example");
		assertThat(page.select("select[name=application] option[selected]").val()).isEqualTo(nextcloud.id().toString());
		assertThat(page.select("select[name=server] option[selected]").val()).isEqualTo(near.id().toString());
		assertThat(page.select("select[name=audience] option[selected]").val()).isEqualTo("MEMBERS_ONLY");
		assertThat(page.select("#connected")).isEmpty();
		assertThat(catalogue.offeringsOf(partner.id())).as("the offering is rolled back with the refusal").isEmpty();
		assertThat(asSteward(() -> clients.ofPartner(partner.id().value()))).isEmpty();
	}

	@Test
	void an_application_the_page_has_no_settings_for_is_refused_with_what_to_do_instead() throws Exception {
		Application other = asSteward(() -> catalogue.addApplication(new ApplicationDetails("Wiki " + suffix,
				"GPL-2.0-or-later", false, null, null)));
		Document page = page(mvc.perform(post("/manage/partners/" + partner.id() + "/services")
						.with(signedIn(adminName)).with(csrf())
						.param("application", other.id().toString()).param("offering", "")
						.param("server", near.id().toString()).param("audience", "GENERAL_PUBLIC")
						.param("address", "https://wiki.solar.example"))
				.andExpect(status().isOk()));
		assertThat(page.select("[role=alert] li").text()).contains("'Wiki " + suffix + "' is none of them", "POST /api/clients");
		assertThat(catalogue.offeringsOf(partner.id())).isEmpty();
	}

	@Test
	void a_partner_admin_may_not_see_or_connect_another_partners_services() throws Exception {
		mvc.perform(get("/manage/partners/" + otherPartner.id() + "/services").with(signedIn(adminName)))
				.andExpect(status().isForbidden());
		mvc.perform(post("/manage/partners/" + otherPartner.id() + "/services").with(signedIn(adminName)).with(csrf())
						.param("application", nextcloud.id().toString()).param("offering", "")
						.param("server", near.id().toString()).param("audience", "GENERAL_PUBLIC")
						.param("address", "https://cloud.other.example"))
				.andExpect(status().isForbidden());
		assertThat(catalogue.offeringsOf(otherPartner.id())).isEmpty();
		assertThat(catalogue.offeringsOf(partner.id())).isEmpty();
		assertThat(asSteward(() -> clients.ofPartner(otherPartner.id().value()))).isEmpty();
	}

	@Test
	void a_steward_sees_any_partners_services() throws Exception {
		mvc.perform(get("/manage/partners/" + otherPartner.id() + "/services").with(signedIn("admin")))
				.andExpect(status().isOk());
	}

	private static <T> T asSteward(Callable<T> work) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			return work.call();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
