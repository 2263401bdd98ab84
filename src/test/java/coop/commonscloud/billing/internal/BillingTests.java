package coop.commonscloud.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.billing.PaymentReceived;
import coop.commonscloud.billing.PaymentRefunded;
import coop.commonscloud.billing.Payments;
import coop.commonscloud.billing.PersonPayments;
import coop.commonscloud.platform.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Plans, payments from both sources, refunds and the totals settlement reads, through the API and pages. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class BillingTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Payments payments;
	@Autowired
	ApplicationEvents events;
	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	String username;
	String person;
	RequestPostProcessor member;

	@BeforeEach
	void a_member() throws Exception {
		username = "payer-" + UUID.randomUUID().toString().substring(0, 8);
		person = JsonPath.read(send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"email\":\""
				+ username + "@example.org\",\"displayName\":\"Payer\",\"password\":\"" + PASSWORD + "\"}"), "$.id");
		member = httpBasic(username, PASSWORD);
	}

	@Test
	void the_tiers_cost_what_the_parameters_say_and_a_new_price_is_the_new_minimum() throws Exception {
		mvc.perform(get("/api/billing/me").with(member)).andExpect(status().isOk())
				.andExpect(jsonPath("$.prices[?(@.tier == 'SOLIDARITY')].minimum.minorUnits").value(10000))
				.andExpect(jsonPath("$.prices[?(@.tier == 'FULL')].minimum.minorUnits").value(4000))
				.andExpect(jsonPath("$.prices[?(@.tier == 'CONCESSION')].minimum.minorUnits").value(1000))
				.andExpect(jsonPath("$.prices[?(@.tier == 'ABORIGINAL_AND_TORRES_STRAIT_ISLANDER')].minimum.minorUnits").value(0));
		setParameter("billing.tier.full", "45", "Test: the members raised the full tier");
		try {
			mvc.perform(post("/api/billing/me/plan").with(member).contentType(MediaType.APPLICATION_JSON)
					.content("{\"tier\":\"FULL\",\"yearlyAmount\":\"40.00\"}"))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.detail").value(containsString("at least AUD 45.00 a year")));
			mvc.perform(post("/api/billing/me/plan").with(member).contentType(MediaType.APPLICATION_JSON)
					.content("{\"tier\":\"FULL\"}"))
					.andExpect(status().isCreated())
					.andExpect(jsonPath("$.yearly.minorUnits").value(4500))
					.andExpect(jsonPath("$.minimum.minorUnits").value(4500));
		} finally {
			setParameter("billing.tier.full", "40", "Test: back to the seeded price");
		}
	}

	@Test
	void pay_what_you_can_is_refused_below_the_floor_and_kept_above_it() throws Exception {
		mvc.perform(post("/api/billing/me/plan").with(member).contentType(MediaType.APPLICATION_JSON)
				.content("{\"tier\":\"CONCESSION\",\"yearlyAmount\":\"9.99\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("concession tier is at least AUD 10.00 a year; you offered AUD 9.99")));
		mvc.perform(post("/api/billing/me/plan").with(member).contentType(MediaType.APPLICATION_JSON)
				.content("{\"tier\":\"CONCESSION\",\"yearlyAmount\":\"12.50\"}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.yearly.minorUnits").value(1250))
				.andExpect(jsonPath("$.awaitingConfirmation").doesNotExist());
		mvc.perform(post("/api/billing/me/plan").with(member).contentType(MediaType.APPLICATION_JSON)
				.content("{\"tier\":\"NOBLE\"}"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void changing_tier_keeps_the_history_and_the_database_refuses_to_rewrite_it() throws Exception {
		choose("FULL", "40");
		choose("SOLIDARITY", "150");
		choose("ABORIGINAL_AND_TORRES_STRAIT_ISLANDER", "0");
		mvc.perform(get("/api/billing/me/plans").with(member)).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(3))
				.andExpect(jsonPath("$[0].tier").value("ABORIGINAL_AND_TORRES_STRAIT_ISLANDER"))
				.andExpect(jsonPath("$[1].tier").value("SOLIDARITY"))
				.andExpect(jsonPath("$[1].yearly.minorUnits").value(15000))
				.andExpect(jsonPath("$[2].tier").value("FULL"));
		assertThatThrownBy(() -> jdbc.sql("update billing_plan_choice set yearly_cents = 1 where person = :p")
				.param("p", UUID.fromString(person)).update()).hasMessageContaining("append-only");
	}

	@Test
	void a_concession_waits_for_a_steward_when_the_setting_is_on() throws Exception {
		setParameter("billing.concession.confirmation-required", "1", "Test: proof required");
		try {
			String choice = choose("CONCESSION", "10");
			assertThat((Boolean) JsonPath.read(choice, "$.needsConfirmation")).isTrue();
			long id = ((Number) JsonPath.read(choice, "$.id")).longValue();
			mvc.perform(post("/manage/payments/concessions/" + id + "/confirm").with(signedIn(username)).with(csrf()))
					.andExpect(status().isForbidden());
			mvc.perform(post("/manage/payments/concessions/" + id + "/confirm").with(signedIn("admin")).with(csrf()))
					.andExpect(status().is3xxRedirection());
			mvc.perform(get("/api/billing/me").with(member)).andExpect(jsonPath("$.plan.confirmed").value(true));
		} finally {
			setParameter("billing.concession.confirmation-required", "0", "Test: back to no proof");
		}
		assertThat((Boolean) JsonPath.read(choose("CONCESSION", "10"), "$.needsConfirmation")).isFalse();
	}

	@Test
	void a_steward_records_a_cash_payment_once_per_receipt_and_it_is_published() throws Exception {
		String body = "{\"payer\":\"" + username + "\",\"amount\":\"40.00\",\"receivedOn\":\"2026-10-05\",\"method\":\"CASH\","
				+ "\"reference\":\"receipt-" + person + "\"}";
		mvc.perform(post("/api/billing/payments").with(member).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
		String first = send(post("/api/billing/payments"), STEWARD, body);
		assertThat((Boolean) JsonPath.read(first, "$.duplicate")).isFalse();
		String again = send(post("/api/billing/payments"), STEWARD, body);
		assertThat((Boolean) JsonPath.read(again, "$.duplicate")).isTrue();
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		List<PaymentReceived> received = events.stream(PaymentReceived.class)
				.filter(e -> e.person().toString().equals(person)).toList();
		assertThat(received).singleElement().satisfies(e -> {
			assertThat(e.amount()).isEqualTo(Money.of(4000, "AUD"));
			assertThat(e.source()).isEqualTo("manual");
			assertThat(e.receivedOn()).isEqualTo(LocalDate.of(2026, 10, 5));
			assertThat(e.paymentId().toString()).isEqualTo(JsonPath.read(first, "$.id"));
		});
		mvc.perform(get("/api/billing/me").with(member))
				.andExpect(jsonPath("$.history.length()").value(1))
				.andExpect(jsonPath("$.history[0].amount.minorUnits").value(4000));
		assertThatThrownBy(() -> jdbc.sql("delete from payment where person = :p").param("p", UUID.fromString(person)).update())
				.hasMessageContaining("append-only");
	}

	@Test
	void a_bank_statement_matches_references_lists_the_rest_and_imports_once() throws Exception {
		String reference = JsonPath.read(send(get("/api/billing/me"), member, ""), "$.paymentReference");
		assertThat(reference).matches("CC-[0-9A-Z]{4}-[0-9A-Z]{4}");
		String tx = UUID.randomUUID().toString().substring(0, 8);
		String csv = "Date,Amount,Description,Transaction ID\n"
				+ "03/10/2026,40.00,\"Membership " + reference.replace("-", "").toLowerCase() + "\",T1-" + tx + "\n"
				+ "2026-10-04,25.50,Donation no reference,T2-" + tx + "\n"
				+ "2026-10-04,-120.00,Electricity,T3-" + tx + "\n";
		String first = importCsv(csv);
		assertThat((List<?>) JsonPath.read(first, "$.matched")).hasSize(1);
		assertThat((List<?>) JsonPath.read(first, "$.unmatched")).hasSize(1);
		assertThat((List<?>) JsonPath.read(first, "$.debits")).hasSize(1);
		assertThat((String) JsonPath.read(first, "$.matched[0].person")).isEqualTo(person);

		String again = importCsv(csv);
		assertThat((List<?>) JsonPath.read(again, "$.matched")).isEmpty();
		assertThat((List<?>) JsonPath.read(again, "$.duplicates")).hasSize(1);
		assertThat((List<?>) JsonPath.read(again, "$.unmatched")).isEmpty();
		assertThat((List<?>) JsonPath.read(again, "$.stillUnmatched")).hasSize(1);
		assertThat(events.stream(PaymentReceived.class).filter(e -> e.reference().equals("T1-" + tx)).count()).isEqualTo(1);

		// the unmatched line waits for a steward, who assigns it; a later re-import then counts it as a duplicate
		mvc.perform(get("/api/billing/unmatched").with(STEWARD))
				.andExpect(jsonPath("$[?(@.transactionId == 'T2-" + tx + "')].amount.minorUnits").value(2550));
		send(post("/api/billing/unmatched/T2-" + tx + "/assign"), STEWARD, "{\"payer\":\"" + username + "\"}");
		String third = importCsv(csv);
		assertThat((List<?>) JsonPath.read(third, "$.duplicates")).hasSize(2);
		mvc.perform(get("/api/billing/me").with(member)).andExpect(jsonPath("$.history.length()").value(2));
	}

	@Test
	void an_unreadable_statement_records_nothing_and_says_which_lines() throws Exception {
		String tx = UUID.randomUUID().toString();
		String csv = "Date,Amount,Description,Transaction ID\n2026-10-03,40.00,x,A-" + tx + "\nyesterday,4O.00,x,B-" + tx + "\n";
		mvc.perform(multipart("/api/billing/statements").file(new MockMultipartFile("file", "bad.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(STEWARD))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("Line 3: 'yesterday' is not a date")))
				.andExpect(jsonPath("$.detail").value(containsString("'4O.00' is not an amount")));
		assertThat(jdbc.sql("select count(*) from bank_statement_unmatched where transaction_id = :t").param("t", "A-" + tx)
				.query(Long.class).single()).isZero();
	}

	@Test
	void refunds_reverse_payments_and_never_exceed_them() throws Exception {
		String paymentId = JsonPath.read(send(post("/api/billing/payments"), STEWARD, "{\"payer\":\"" + username
				+ "\",\"amount\":\"40.00\",\"receivedOn\":\"2026-10-05\",\"method\":\"BANK_TRANSFER\",\"reference\":\"bt-" + person
				+ "\"}"), "$.id");
		mvc.perform(post("/api/billing/payments/" + paymentId + "/refunds").with(member).contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\":\"10.00\",\"why\":\"asked\"}")).andExpect(status().isForbidden());
		send(post("/api/billing/payments/" + paymentId + "/refunds"), STEWARD,
				"{\"amount\":\"30.00\",\"refundedOn\":\"2026-10-20\",\"why\":\"Paid twice by mistake\"}");
		mvc.perform(post("/api/billing/payments/" + paymentId + "/refunds").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\":\"10.01\",\"why\":\"more\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("At most AUD 10.00 of this payment of AUD 40.00 can still be refunded")));
		// the database refuses it too, even if the application's check were skipped
		assertThatThrownBy(() -> jdbc.sql("insert into payment_refund (id, payment_id, person, amount_cents, currency, refunded_on, "
				+ "why, recorded_by) values (:id, :payment, :person, 1001, 'AUD', '2026-10-21', 'x', 'test')")
				.param("id", UUID.randomUUID()).param("payment", UUID.fromString(paymentId)).param("person", UUID.fromString(person))
				.update()).hasMessageContaining("would exceed");
		assertThat(events.stream(PaymentRefunded.class).filter(e -> e.paymentId().toString().equals(paymentId)))
				.singleElement().satisfies(e -> {
					assertThat(e.amount()).isEqualTo(Money.of(3000, "AUD"));
					assertThat(e.why()).isEqualTo("Paid twice by mistake");
				});
		mvc.perform(get("/api/billing/me").with(member))
				.andExpect(jsonPath("$.history[0].refund").value(true))
				.andExpect(jsonPath("$.history[0].amount.minorUnits").value(3000));
		assertThatThrownBy(() -> jdbc.sql("update payment_refund set amount_cents = 1 where payment_id = :p")
				.param("p", UUID.fromString(paymentId)).update()).hasMessageContaining("append-only");
	}

	@Test
	void totals_per_person_are_net_of_refunds_dated_in_the_period_in_person_order() throws Exception {
		// a month far from every other test's dates (they use this decade), so the totals are this test's alone;
		// in the past, since a payment cannot be recorded before it is received
		int year = 2001 + (int) (Math.random() * 15);
		YearMonth period = YearMonth.of(year, 3);
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = "tot-" + UUID.randomUUID().toString().substring(0, 8);
			send(post("/api/accounts"), STEWARD, "{\"username\":\"" + name + "\",\"email\":\"" + name
					+ "@example.org\",\"displayName\":\"P\",\"password\":\"" + PASSWORD + "\"}");
			people.add(name);
		}
		String a = pay(people.get(0), "40.00", period.atDay(1), "a1");
		pay(people.get(0), "10.00", period.atEndOfMonth(), "a2");
		pay(people.get(0), "99.00", period.minusMonths(1).atEndOfMonth(), "a-before"); // not in the period
		String b = pay(people.get(1), "100.00", period.atDay(15), "b1");
		pay(people.get(2), "5.00", period.plusMonths(1).atDay(1), "c-after"); // not in the period
		refund(a, "15.00", period.atDay(20));
		refund(b, "100.00", period.plusMonths(1).atDay(2)); // refunded in the next period: counts there

		List<PersonPayments> totals = new ArrayList<>();
		payments.forEachPersonTotal(period, totals::add);
		UUID first = personOf(people.get(0));
		UUID second = personOf(people.get(1));
		assertThat(totals).containsExactlyInAnyOrder(new PersonPayments(first, Money.of(3500, "AUD")),
				new PersonPayments(second, Money.of(10000, "AUD")));
		assertThat(totals.get(0).person().toString()).isLessThan(totals.get(1).person().toString());

		List<PersonPayments> next = new ArrayList<>();
		payments.forEachPersonTotal(period.plusMonths(1), next::add);
		assertThat(next).containsExactlyInAnyOrder(new PersonPayments(second, Money.of(-10000, "AUD")),
				new PersonPayments(personOf(people.get(2)), Money.of(500, "AUD")));
	}

	@Test
	void a_person_sees_only_their_own_billing_page_and_stewards_the_payments_page() throws Exception {
		String page = mvc.perform(get("/account/billing").with(signedIn(username))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		String reference = JsonPath.read(send(get("/api/billing/me"), member, ""), "$.paymentReference");
		assertThat(page).contains(reference).contains("/account/billing/statement").contains("name=\"_csrf\"");
		mvc.perform(get("/manage/payments").with(signedIn(username))).andExpect(status().isForbidden());
		mvc.perform(get("/manage/payments").with(signedIn("admin"))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("Import a bank statement")));
		mvc.perform(get("/account/billing")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/account/billing/plan").with(signedIn(username)).param("tier", "FULL")).andExpect(status().isForbidden());
		mvc.perform(post("/account/billing/plan").with(signedIn(username)).with(csrf()).param("tier", "FULL").param("yearlyAmount", "3"))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attribute("problems", org.hamcrest.Matchers.hasItem(containsString("at least AUD 40.00"))));
	}

	@Test
	void the_steward_page_imports_a_statement_and_shows_the_summary() throws Exception {
		String reference = JsonPath.read(send(get("/api/billing/me"), member, ""), "$.paymentReference");
		String csv = "Date,Amount,Description,Transaction ID\n2026-10-03,40.00," + reference + ",P-" + UUID.randomUUID() + "\n";
		MockMultipartFile file = new MockMultipartFile("file", "october.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/manage/payments/import").file(file).with(signedIn("admin")).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attribute("notice", containsString("1 payments recorded")));
		mvc.perform(multipart("/manage/payments/import").file(file).with(signedIn("admin")).with(csrf()))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attribute("notice", containsString("Nothing new: 1 payments were already recorded")));
	}

	private String pay(String payer, String amount, LocalDate on, String reference) throws Exception {
		return JsonPath.read(send(post("/api/billing/payments"), STEWARD, "{\"payer\":\"" + payer + "\",\"amount\":\"" + amount
				+ "\",\"receivedOn\":\"" + on + "\",\"method\":\"CASH\",\"reference\":\"" + reference + "-" + payer + "\"}"), "$.id");
	}

	private void refund(String paymentId, String amount, LocalDate on) throws Exception {
		send(post("/api/billing/payments/" + paymentId + "/refunds"), STEWARD, "{\"amount\":\"" + amount + "\",\"refundedOn\":\""
				+ on + "\",\"why\":\"test\"}");
	}

	private UUID personOf(String name) {
		return jdbc.sql("select id from account where username = :u").param("u", name).query(UUID.class).single();
	}

	private String choose(String tier, String amount) throws Exception {
		return send(post("/api/billing/me/plan"), member, "{\"tier\":\"" + tier + "\",\"yearlyAmount\":\"" + amount + "\"}");
	}

	private String importCsv(String csv) throws Exception {
		MvcResult result = mvc.perform(multipart("/api/billing/statements").file(new MockMultipartFile("file", "statement.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(STEWARD)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private void setParameter(String key, String value, String reason) throws Exception {
		send(post("/api/parameters/" + key), STEWARD, "{\"value\":" + value + ",\"effectiveFrom\":\""
				+ java.time.Instant.now().minusMillis(1) + "\",\"reason\":\"" + reason + "\"}");
	}

	/** Pages use form login: a signed-in session, as the browser would have. */
	private RequestPostProcessor signedIn(String name) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
				users.loadUserByUsername(name));
	}

	private String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}
}
