package coop.commonscloud;

import static coop.commonscloud.SiteLayout.assertHasTheSiteLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.identity.FirstSteps;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A newcomer's first steps: sign-in leads a person who signed up to them until they finish or skip them, and each
 * step's page renders whatever state it is in (nothing chosen, chosen, refused with what was typed kept).
 */
class WelcomePagesTests extends WebPageTestSupport {

	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	FirstSteps firstSteps;
	@Autowired
	Catalogue catalogue;

	@Test
	void a_person_who_signed_up_is_led_to_the_first_steps_until_they_finish_them() throws Exception {
		String name = signedUp();
		mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(redirectedUrl(FirstSteps.PATH));
		mvc.perform(get("/welcome").with(signedIn(name))).andExpect(redirectedUrl("/welcome/plan"));
		Document account = page(mvc.perform(get("/account").with(signedIn(name))).andExpect(status().isOk()));
		assertThat(account.select("#continue-setting-up a").attr("href")).isEqualTo("/welcome");

		mvc.perform(post("/welcome/done").with(signedIn(name)).with(csrf())).andExpect(redirectedUrl("/account"));
		Document done = page(mvc.perform(get("/account").with(signedIn(name))).andExpect(status().isOk()));
		assertThat(done.select("#continue-setting-up")).isEmpty();
		mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(redirectedUrl("/manage"));
	}

	@Test
	void an_account_a_steward_opened_is_not_led_to_them_and_asking_for_a_page_wins() throws Exception {
		String member = member();
		mvc.perform(formLogin("/login").user(member).password(PASSWORD)).andExpect(redirectedUrl("/manage"));
		assertThat(page(mvc.perform(get("/account").with(signedIn(member)))).select("#continue-setting-up")).isEmpty();

		String newcomer = signedUp();
		var asked = mvc.perform(get("/account/billing")).andExpect(redirectedUrl("/login")).andReturn();
		mvc.perform(post("/login").with(csrf()).param("username", newcomer).param("password", PASSWORD)
				.session((org.springframework.mock.web.MockHttpSession) asked.getRequest().getSession()))
				.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("/account/billing"));
	}

	@Test
	void the_steps_need_signing_in() throws Exception {
		for (String path : new String[] { "/welcome", "/welcome/plan", "/welcome/pay", "/welcome/services", "/welcome/data" }) {
			mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(post("/welcome/done").with(csrf())).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/welcome/plan").with(signedIn(member())).param("tier", "FULL")).andExpect(status().isForbidden());
	}

	@Test
	void the_plan_step_keeps_what_was_typed_when_refused_and_the_pay_step_shows_the_reference() throws Exception {
		String name = member();
		Document empty = page(mvc.perform(get("/welcome/plan").with(signedIn(name))).andExpect(status().isOk()));
		assertHasTheSiteLayout(empty);
		assertThat(empty.select("#step-indicator li")).hasSize(4);
		assertThat(empty.select("#step-indicator a[aria-current=step]").text()).isEqualTo("1. Your plan");
		assertThat(empty.select("#current-plan")).isEmpty();
		assertThat(empty.select("form#plan-form input[name=_csrf]")).hasSize(1);
		assertThat(empty.select("form#plan-form input[name=tier]")).hasSize(4);
		assertThat(empty.select("#skip-step").attr("href")).isEqualTo("/welcome/pay");

		Document noPlan = page(mvc.perform(get("/welcome/pay").with(signedIn(name))).andExpect(status().isOk()));
		assertThat(noPlan.select("#no-plan a").attr("href")).isEqualTo("/welcome/plan");

		Document refused = page(mvc.perform(post("/welcome/plan").with(signedIn(name)).with(csrf()).param("tier", "FULL")
				.param("yearlyAmount", "3.50")).andExpect(status().is(422)));
		assertHasTheSiteLayout(refused);
		assertThat(refused.select("#problems").text()).contains("at least AUD 40.00").contains("AUD 3.50");
		assertThat(refused.select("input#tier-FULL").hasAttr("checked")).isTrue();
		assertThat(refused.select("input#yearly-amount").val()).isEqualTo("3.50");

		mvc.perform(post("/welcome/plan").with(signedIn(name)).with(csrf()).param("tier", "FULL").param("yearlyAmount", "55"))
				.andExpect(redirectedUrl("/welcome/pay"));
		Document pay = page(mvc.perform(get("/welcome/pay").with(signedIn(name))).andExpect(status().isOk()));
		assertHasTheSiteLayout(pay);
		assertThat(pay.select("#step-indicator a[aria-current=step]").text()).isEqualTo("2. How to pay");
		assertThat(pay.select("#plan-to-pay").text()).contains("Full").contains("AUD 55.00");
		assertThat(pay.select("#payment-reference").text()).matches("CC-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(pay.select("#no-bank-details").text()).contains("Ask one of the region's stewards");
		assertThat(pay.select("#bank-details")).isEmpty();
		Document chosen = page(mvc.perform(get("/welcome/plan").with(signedIn(name))).andExpect(status().isOk()));
		assertThat(chosen.select("#current-plan").text()).contains("Full").contains("AUD 55.00");
		assertThat(chosen.select("input#tier-FULL").hasAttr("checked")).isTrue();
	}

	@Test
	void the_services_step_records_the_picks_and_the_last_step_shows_where_their_data_lives() throws Exception {
		String name = member();
		Offering offering = offering();
		Document none = page(mvc.perform(get("/welcome/data").with(signedIn(name))).andExpect(status().isOk()));
		assertHasTheSiteLayout(none);
		assertThat(none.select("#no-chosen-services a").attr("href")).isEqualTo("/welcome/services");
		assertThat(none.select("#skip-step")).as("the last step has nothing to skip to").isEmpty();
		assertThat(none.select("#finish").text()).isEqualTo("Finish setting up");

		Document services = page(mvc.perform(get("/welcome/services").with(signedIn(name))).andExpect(status().isOk()));
		assertHasTheSiteLayout(services);
		String box = "input#offering-" + offering.id().value();
		assertThat(services.select(box).hasAttr("checked")).isFalse();
		assertThat(services.select("label[for=offering-%s]".formatted(offering.id().value())).text())
				.contains("Mail " + suffix).contains("Solar Co-op " + suffix).contains("Library " + suffix);

		String bogus = UUID.randomUUID().toString();
		Document refused = page(mvc.perform(post("/welcome/services").with(signedIn(name)).with(csrf())
				.param("offering", offering.id().value().toString(), bogus)).andExpect(status().is(422)));
		assertHasTheSiteLayout(refused);
		assertThat(refused.select("#problems").text()).contains("'" + bogus + "' is not a service on offer now");
		assertThat(refused.select(box).hasAttr("checked")).as("what was ticked stays ticked").isTrue();
		assertThat(page(mvc.perform(get("/welcome/data").with(signedIn(name)))).select("#no-chosen-services"))
				.as("nothing recorded from a refused form").hasSize(1);

		mvc.perform(post("/welcome/services").with(signedIn(name)).with(csrf()).param("offering", offering.id().value().toString()))
				.andExpect(redirectedUrl("/welcome/data"));
		assertThat(page(mvc.perform(get("/welcome/services").with(signedIn(name)))).select(box).hasAttr("checked")).isTrue();
		Document data = page(mvc.perform(get("/welcome/data").with(signedIn(name))).andExpect(status().isOk()));
		assertThat(data.select("#step-indicator a[aria-current=step]").text()).isEqualTo("4. Where your data lives");
		var row = data.selectFirst("table#data-locations tr.placed");
		assertThat(row.text()).contains("Mail " + suffix).contains("Solar Co-op " + suffix)
				.contains("Library " + suffix + " (Library)").contains("Backup Hall " + suffix);
		assertThat(page(mvc.perform(get("/welcome/data").with(signedIn(member())))).select("#no-chosen-services"))
				.as("another person does not see these picks").hasSize(1);

		mvc.perform(post("/welcome/services").with(signedIn(name)).with(csrf())).andExpect(redirectedUrl("/welcome/data"));
		assertThat(page(mvc.perform(get("/welcome/data").with(signedIn(name)))).select("#no-chosen-services"))
				.as("picking none clears the picks").hasSize(1);
	}

	private Offering offering() {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			var app = catalogue.addApplication(new ApplicationDetails("Mail " + suffix, "AGPL-3.0-or-later", false, null, null));
			var near = servers.ofPartner(partner.id()).stream().filter(s -> s.details().name().startsWith("near-"))
					.findFirst().orElseThrow();
			servers.add(new ServerDetails(partner.id(), null, "backup-" + suffix, ServerRole.OFF_SITE_BACKUP, null, 40, 10,
					0, 0, "Backup Hall " + suffix, 64512L));
			return catalogue.addOffering(new OfferingDetails(partner.id(), near.id(), app.id(), Audience.GENERAL_PUBLIC,
					false, false, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private String member() {
		String name = "member-" + UUID.randomUUID().toString().substring(0, 8);
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			accounts.open(new NewAccount(name, "A Member", PASSWORD, Role.MEMBER, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
		return name;
	}

	/** A person who signed up through the form, once the first steps know about them. */
	private String signedUp() throws Exception {
		for (String[] parameter : new String[][] { { "identity.sign-up.open", "1" }, { "identity.sign-up.mode", "0" } }) {
			mvc.perform(post("/api/parameters/" + parameter[0]).with(httpBasic("admin", "steward-password-for-tests"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"value\":" + parameter[1] + ",\"reason\":\"welcome pages test\"}"))
					.andExpect(status().is2xxSuccessful());
		}
		String name = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/sign-up").with(csrf()).param("username", name).param("displayName", "New Person")
				.param("email", name + "@example.net").param("password", PASSWORD)).andExpect(status().isOk());
		UUID id = accounts.findByUsername(name).orElseThrow().id();
		for (int i = 0; i < 100 && !firstSteps.unfinished(id); i++) {
			Thread.sleep(100); // the first steps start once the sign-up is committed, in a listener of its event
		}
		assertThat(firstSteps.unfinished(id)).as("first steps started for " + name).isTrue();
		return name;
	}
}
