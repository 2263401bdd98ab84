package coop.commonscloud;

import static coop.commonscloud.SiteLayout.assertHasTheSiteLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.partners.Contact;
import coop.commonscloud.partners.PartnerDetails;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * How a newcomer finds their way in: the Join link while sign-up is open, a sign-in page that says how to join, the
 * public list of partners, and a member's own pages instead of the partners' management pages.
 */
class JoiningPagesTests extends WebPageTestSupport {

	@AfterEach
	void sign_up_open_again() throws Exception {
		setSignUp(1, 0);
	}

	@Test
	void while_sign_up_is_open_the_header_and_the_home_page_lead_to_it_in_every_mode() throws Exception {
		for (int mode = 0; mode <= 2; mode++) {
			setSignUp(1, mode);
			Document home = page(mvc.perform(get("/")).andExpect(status().isOk()));
			assertThat(home.select("header.site-header nav a#join-link").attr("href")).as("mode " + mode).isEqualTo("/sign-up");
			assertThat(home.select("main a#home-join").attr("href")).as("mode " + mode).isEqualTo("/sign-up");
			Document governance = page(mvc.perform(get("/governance")).andExpect(status().isOk()));
			assertThat(governance.select("header.site-header a#join-link")).as("mode " + mode).hasSize(1);
		}
	}

	@Test
	void while_sign_up_is_closed_no_page_offers_to_join() throws Exception {
		setSignUp(0, 0);
		Document home = page(mvc.perform(get("/")).andExpect(status().isOk()));
		assertThat(home.select("a[href=/sign-up]")).isEmpty();
		Document login = page(mvc.perform(get("/login")).andExpect(status().isOk()));
		assertThat(login.select("a[href=/sign-up]")).isEmpty();
		assertThat(login.select("#joining").text()).contains("Accounts are opened by the region's stewards");
	}

	@Test
	void a_signed_in_person_is_not_offered_to_join() throws Exception {
		Document home = page(mvc.perform(get("/").with(signedIn(adminName))).andExpect(status().isOk()));
		assertThat(home.select("a[href=/sign-up]")).isEmpty();
	}

	@Test
	void the_sign_in_page_says_how_to_join_in_the_mode_in_force() throws Exception {
		String[] says = { "Join the region: one account for every service",
				"Join the region with an invite code from one of its stewards",
				"Join the region: a steward approves each new account" };
		for (int mode = 0; mode <= 2; mode++) {
			setSignUp(1, mode);
			Document login = page(mvc.perform(get("/login")).andExpect(status().isOk()));
			assertHasTheSiteLayout(login);
			assertThat(login.select("#joining").text()).as("mode " + mode).contains(says[mode])
					.doesNotContain("Accounts are opened by the region's stewards");
			assertThat(login.select("#joining a").attr("href")).isEqualTo("/sign-up");
		}
	}

	@Test
	void the_sign_up_page_has_the_site_layout_and_a_form_that_fits_the_mode() throws Exception {
		setSignUp(1, 0);
		Document open = page(mvc.perform(get("/sign-up")).andExpect(status().isOk()));
		assertHasTheSiteLayout(open);
		assertThat(open.select("form#sign-up input[name=username]")).hasSize(1);
		assertThat(open.select("form#sign-up input[name=inviteCode]")).isEmpty();

		setSignUp(1, 1);
		Document invite = page(mvc.perform(get("/sign-up")).andExpect(status().isOk()));
		assertHasTheSiteLayout(invite);
		assertThat(invite.select("form#sign-up input[name=inviteCode]")).hasSize(1);

		setSignUp(1, 2);
		Document approval = page(mvc.perform(get("/sign-up")).andExpect(status().isOk()));
		assertHasTheSiteLayout(approval);
		assertThat(approval.select("form#sign-up").text()).contains("A steward approves each new account");

		setSignUp(0, 0);
		Document closed = page(mvc.perform(get("/sign-up")).andExpect(status().isOk()));
		assertHasTheSiteLayout(closed);
		assertThat(closed.select("form#sign-up")).isEmpty();
		assertThat(closed.select("#sign-up-closed").text()).contains("not taking sign-ups");
		for (Element input : open.select("main input:not([type=hidden])")) {
			assertThat(open.select("label[for=%s]".formatted(input.id()))).as("label for " + input.id()).hasSize(1);
		}
	}

	@Test
	void a_member_who_opens_manage_is_sent_to_their_account() throws Exception {
		String member = member();
		mvc.perform(get("/manage").with(signedIn(member))).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/manage/partners").with(signedIn(member))).andExpect(redirectedUrl("/partners"));
		Document account = page(mvc.perform(get("/account").with(signedIn(member))).andExpect(status().isOk()));
		assertHasTheSiteLayout(account);
		assertThat(account.select("header.site-header a[href=/manage]")).as("nothing to manage").isEmpty();
		assertThat(account.select("#account-links a#link-plan").attr("href")).isEqualTo("/account/billing");
		assertThat(account.select("#account-links a#link-money").attr("href")).isEqualTo("/account/billing/statement");
		assertThat(account.select("#account-links a#link-services").attr("href")).isEqualTo("#services");
		assertThat(account.select("section h2#services")).hasSize(1);
		assertThat(account.select("#account-links a#link-governance").attr("href")).isEqualTo("/governance");
		for (String path : new String[] { "/account/billing", "/account/billing/statement", "/governance" }) {
			mvc.perform(get(path).with(signedIn(member))).andExpect(status().isOk());
		}
	}

	@Test
	void a_partner_admin_and_a_steward_still_manage_from_manage() throws Exception {
		Document admin = page(mvc.perform(get("/manage").with(signedIn(adminName))).andExpect(status().isOk()));
		assertThat(admin.select("main a:containsOwn(Solar Co-op %s)".formatted(suffix))).hasSize(1);
		assertThat(admin.select("header.site-header a[href=/manage]")).hasSize(1);
		mvc.perform(get("/manage").with(signedIn("admin"))).andExpect(status().isOk());
	}

	@Test
	void the_partners_page_lists_the_regions_partners_for_the_public_and_for_members_without_contacts() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			partners.update(partner.id(), new PartnerDetails(partner.legalName(), partner.structure(),
					partner.registrationNumber(), List.of(new Contact("Secret Person " + suffix, "Treasurer",
							"secret-" + suffix + "@example.org", "+61 3 5550 0000"))));
		} finally {
			SecurityContextHolder.clearContext();
		}
		String member = member();
		Map<String, RequestPostProcessor> viewers = Map.of("the public", request -> request, "a member",
				signedIn(member), "the partner's admin", signedIn(adminName));
		for (var viewer : viewers.entrySet()) {
			Document first = page(mvc.perform(get("/partners").with(viewer.getValue())).andExpect(status().isOk()));
			assertHasTheSiteLayout(first);
			assertThat(first.select("header.site-header nav a[href=/partners]")).as(viewer.getKey()).hasSize(1);
			assertThat(first.text()).as(viewer.getKey()).doesNotContain("No partners yet");
			Element solar = row(viewer.getValue(), "Solar Co-op " + suffix);
			Element other = row(viewer.getValue(), "Other Co-op " + suffix);
			assertThat(solar.select("th a").attr("href")).isEqualTo("/qualification/partners/" + partner.id());
			assertThat(solar.text()).as(viewer.getKey()).contains("Registered co-operative").contains("A" + suffix)
					.doesNotContain("Secret Person").doesNotContain("secret-" + suffix).doesNotContain("5550 0000");
			assertThat(other.select("th a").attr("href")).isEqualTo("/qualification/partners/" + otherPartner.id());
			assertThat(other.select("a[href^=/manage/]")).as(viewer.getKey()).isEmpty();
			assertThat(solar.select("a[href=/manage/partners/" + partner.id() + "]")).as(viewer.getKey())
					.hasSize(viewer.getKey().equals("the partner's admin") ? 1 : 0);
		}
	}

	/** The partner's row on whichever page of the list it is, following the "Next" links. */
	private Element row(RequestPostProcessor viewer, String legalName) throws Exception {
		for (int page = 0; page < 100; page++) {
			Document list = page(mvc.perform(get("/partners").param("page", "" + page).with(viewer)).andExpect(status().isOk()));
			Element row = list.selectFirst("table#partners tr.partner:has(th a:containsOwn(%s))".formatted(legalName));
			if (row != null) {
				assertThat(list.text()).doesNotContain("Secret Person");
				return row;
			}
			if (list.select("nav[aria-label=Pages] a:containsOwn(Next)").isEmpty()) {
				break;
			}
		}
		throw new AssertionError(legalName + " is on no page of /partners");
	}

	@Test
	void without_a_source_address_set_the_footer_names_the_licence_and_links_no_source() throws Exception {
		Document home = page(mvc.perform(get("/")).andExpect(status().isOk()));
		assertThat(home.select("footer.site-footer a[href=https://www.gnu.org/licenses/agpl-3.0.html]")).hasSize(1);
		assertThat(home.select("footer.site-footer a#source-link")).isEmpty();
	}

	private String member() {
		String name = "member-" + suffix;
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			accounts.open(new NewAccount(name, "A Member", "a-long-enough-password", Role.MEMBER, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
		return name;
	}

	private void setSignUp(int open, int mode) throws Exception {
		for (String[] parameter : new String[][] { { "identity.sign-up.open", "" + open }, { "identity.sign-up.mode", "" + mode } }) {
			mvc.perform(post("/api/parameters/" + parameter[0]).with(httpBasic("admin", "steward-password-for-tests"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"value\":" + parameter[1] + ",\"reason\":\"joining pages test\"}"))
					.andExpect(status().is2xxSuccessful());
		}
	}
}
