package coop.commonscloud.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.settlement.internal.SettlementFixtures.Member;
import coop.commonscloud.settlement.internal.SettlementFixtures.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The settlement pages: who may see what, and what they show. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SettlementTestSources.class)
class SettlementPagesTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	SettlementTestSources sources;
	@Autowired
	SettlementStore store;
	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String page(String url, RequestPostProcessor who) throws Exception {
		var request = get(url);
		if (who != null) {
			request = request.with(who);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void a_steward_previews_and_posts_a_month_and_everyone_sees_only_what_is_theirs() throws Exception {
		SettlementFixtures f = new SettlementFixtures(mvc);
		Provider a = f.partner("Co-op A " + f.suffix, true);
		Provider b = f.partner("Co-op B " + f.suffix, false);
		String nextcloud = f.offering(a, "Nextcloud " + f.suffix);
		String forgejo = f.offering(b, "Forgejo " + f.suffix);
		RequestPostProcessor adminA = as(f.admin(a));
		RequestPostProcessor steward = as("admin");
		Member ngaio = f.member();
		Member other = f.member();
		YearMonth period = SettlementTestSources.uniquePeriod();
		sources.pay(period, ngaio.id(), 4000);
		sources.use(period, ngaio.id(), nextcloud, 21, 0);
		sources.use(period, ngaio.id(), forgejo, 6, 0);
		sources.pay(period, other.id(), 1000);
		sources.use(period, other.id(), forgejo, 3, 0);

		assertThat(page("/manage/settlements", steward)).contains("Preview a month");
		mvc.perform(get("/manage/settlements").with(adminA)).andExpect(status().isForbidden());
		mvc.perform(get("/manage/settlements/preview?period=2026-13").with(steward)).andExpect(status().isBadRequest());

		String preview = page("/manage/settlements/preview?period=" + period, steward);
		assertThat(preview).contains("Co-op A " + f.suffix, "50.00", "28.00 to Co-op A " + f.suffix + " (Nextcloud " + f.suffix
				+ ", 21 days)", "name=\"_csrf\"");
		assertThat(store.find(period)).isEmpty();

		mvc.perform(post("/manage/settlements/" + period + "/post").with(adminA).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/manage/settlements/" + period + "/post").with(steward)).andExpect(status().isForbidden());
		mvc.perform(post("/manage/settlements/" + period + "/post").with(steward).with(csrf()))
				.andExpect(redirectedUrl("/manage/settlements/" + period));
		await().atMost(Duration.ofSeconds(60)).until(() -> store.find(period)
				.filter(r -> r.status() == SettlementStore.Status.POSTED).isPresent());
		assertThat(page("/manage/settlements/" + period, steward)).contains("id=\"status\">posted<", "id=\"people-done\">2<", "id=\"people-total\">2<", "providers.csv");

		String report = page("/region/settlements/" + period, null);
		assertThat(report).contains("<svg", "Where the payments of " + period + " went", "Co-op A " + f.suffix, "50.00", "5.00")
				.doesNotContain(ngaio.id().toString()).doesNotContain(other.id().toString()).doesNotContain("Nextcloud");
		assertThat(page("/region/settlements", null)).contains(period.toString());

		String statement = page("/account/billing/statement", as(ngaio.username()));
		assertThat(statement).contains(period.toString(), "AUD 40.00", "28.00 to Co-op A " + f.suffix + " (Nextcloud " + f.suffix
				+ ", 21 days)", "8.00 to Co-op B " + f.suffix, "4.00 to the region&#39;s stewardship");
		assertThat(page("/account/billing/statement", as(other.username()))).contains("9.00 to Co-op B").doesNotContain("28.00");
		mvc.perform(get("/account/billing/statement")).andExpect(status().is3xxRedirection());

		assertThat(page("/manage/partners/" + a.id() + "/earnings", adminA)).contains(period.toString(), "AUD 25.20", "2.80");
		mvc.perform(get("/manage/partners/" + b.id() + "/earnings").with(adminA)).andExpect(status().isForbidden());
		assertThat(page("/manage/partners/" + b.id() + "/earnings", steward)).contains("AUD 17.00");

		String providersCsv = page("/manage/settlements/" + period + "/providers.csv", steward);
		assertThat(providersCsv).startsWith("period,partner_id,partner").contains(a.id() + ",\"Co-op A " + f.suffix + "\",true,1,21,28.00,0.00,28.00,2.80,25.20,AUD");
		String peopleCsv = page("/manage/settlements/" + period + "/people.csv", steward);
		assertThat(peopleCsv).contains(ngaio.id() + ",0,STEWARDSHIP,,4.00").contains(ngaio.id() + ",").hasLineCount(6);
		mvc.perform(get("/manage/settlements/" + period + "/people.csv").with(adminA)).andExpect(status().isForbidden());
		mvc.perform(get("/region/settlements/" + YearMonth.of(1900, 1))).andExpect(status().isNotFound());
		assertThat(UUID.fromString(a.id())).isNotNull();
	}
}
