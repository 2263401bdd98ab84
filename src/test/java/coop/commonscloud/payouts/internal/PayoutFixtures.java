package coop.commonscloud.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.Posting;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Partners, their admins and a period's settlement credits, made as a steward and the settlement run would. */
final class PayoutFixtures {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	private final MockMvc mvc;
	final String suffix = UUID.randomUUID().toString().substring(0, 8);
	/** A period no other test uses, so the shared database holds only this test's settlement for it. */
	final YearMonth period = YearMonth.of(ThreadLocalRandom.current().nextInt(3000, 9999), ThreadLocalRandom.current().nextInt(1, 13));

	PayoutFixtures(MockMvc mvc) {
		this.mvc = mvc;
	}

	String partner(String name) throws Exception {
		return id(send(post("/api/partners"), STEWARD, "{\"legalName\":\"" + name + " " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-" + UUID.randomUUID()
				+ "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}"));
	}

	/** Opens a partner-admin account and returns its username. */
	String adminOf(String partner) throws Exception {
		String username = "pay-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"A\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partner + "\"}");
		return username;
	}

	static RequestPostProcessor basic(String username) {
		return httpBasic(username, PASSWORD);
	}

	RequestPostProcessor webSession(String username, String password) throws Exception {
		MvcResult login = mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user(username).password(password))
				.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		return request -> {
			request.setSession(session);
			return request;
		};
	}

	/** Posts the period's settlement run as the settlement module would: unsettled payments to provider payables. */
	List<Long> settle(Ledger ledger, String currency, Object... partnerAndCents) {
		// one transaction per call, as a settlement run posts; the ledger takes each run's reference
		// once, so a further call for the same period is a later part ("settlement-2026-10/2")
		List<Posting> postings = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < partnerAndCents.length; i += 2) {
			UUID partner = UUID.fromString((String) partnerAndCents[i]);
			long cents = ((Number) partnerAndCents[i + 1]).longValue();
			postings.add(new Posting(LedgerAccount.providerPayable(partner), Money.of(-cents, currency)));
			total += cents;
		}
		postings.add(0, new Posting(LedgerAccount.UNSETTLED_PAYMENTS, Money.of(total, currency)));
		String reference = "settlement-" + period + (settlements++ == 0 ? "" : "/" + settlements);
		return List.of(ledger.post(new LedgerTransaction(LocalDate.of(2026, 11, 1),
				new Cause(Cause.Kind.SETTLEMENT_RUN, reference), "Settlement of " + period, postings)).id());
	}

	private int settlements;

	String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	static String id(String json) {
		Object id = JsonPath.read(json, "$.id");
		return id instanceof String s ? s : JsonPath.read(json, "$.id.value");
	}
}
