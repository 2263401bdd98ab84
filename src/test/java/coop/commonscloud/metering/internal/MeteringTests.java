package coop.commonscloud.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.identity.internal.ServiceSignIns;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Active days from real sign-ins and refreshes, provider reports (idempotent, capped, flagged),
 * who may report and link what, and the monthly aggregation settlement reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MeteringTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	@LocalServerPort
	int port;
	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Usage usage;
	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	String suffix;
	String partnerA;
	String partnerB;
	RequestPostProcessor adminA;
	RequestPostProcessor adminB;
	String offeringA;
	String offeringB;
	ServiceSignIns signIns;

	@BeforeEach
	void two_partners_with_an_offering_each() throws Exception {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		String region = "met-" + suffix;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Metering test region\"}");
		partnerA = id(send(post("/api/partners"), STEWARD, partner("Co-op A " + suffix)));
		partnerB = id(send(post("/api/partners"), STEWARD, partner("Co-op B " + suffix)));
		adminA = admin(partnerA);
		adminB = admin(partnerB);
		String app = id(send(post("/api/applications"), STEWARD,
				"{\"name\":\"Nextcloud " + suffix + "\",\"licence\":\"AGPL-3.0-only\",\"coveredByLoRes\":true}"));
		offeringA = offering(partnerA, region, app);
		offeringB = offering(partnerB, region, app);
		signIns = new ServiceSignIns("http://127.0.0.1:" + port);
	}

	@Test
	void a_day_with_a_sign_in_or_refresh_for_the_offerings_client_is_one_active_day() throws Exception {
		ServiceSignIns.Service nextcloud = signIns.service("Nextcloud A " + suffix, UUID.fromString(partnerA));
		send(put("/api/metering/offerings/" + offeringA + "/client"), adminA, "{\"clientId\":\"" + nextcloud.clientId() + "\"}");
		String username = "met-" + suffix;
		UUID person = signIns.member(username);
		signIns.signInAndRefresh(nextcloud, username);
		signIns.signInAndRefresh(nextcloud, username); // more sign-ins the same day are still one active day

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String rolled = send(post("/api/metering/rollups"), STEWARD, "{\"from\":\"" + today.minusDays(1) + "\",\"to\":\"" + today + "\"}");
		assertThat((Integer) JsonPath.read(rolled, "$.activeDaysAdded")).isGreaterThanOrEqualTo(1);
		String again = send(post("/api/metering/rollups"), STEWARD, "{\"from\":\"" + today.minusDays(1) + "\",\"to\":\"" + today + "\"}");
		assertThat(activeDays(person, offeringA)).isEqualTo(1);
		assertThat((Integer) JsonPath.read(again, "$.activeDaysAdded")).isZero();

		List<PersonUsage> month = new ArrayList<>();
		usage.forEachPersonUsage(YearMonth.from(today), u -> {
			if (u.person().equals(person)) {
				month.add(u);
			}
		});
		assertThat(month).containsExactly(new PersonUsage(person,
				List.of(new OfferingUsage(new OfferingId(UUID.fromString(offeringA)), 1, 0))));
		mvc.perform(post("/api/metering/rollups").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"from\":\"" + today + "\",\"to\":\"" + today + "\"}")).andExpect(status().isForbidden());
	}

	@Test
	void a_partner_links_only_its_own_clients_to_its_own_offerings_and_a_client_counts_once() throws Exception {
		ServiceSignIns.Service ours = signIns.service("Ours " + suffix, UUID.fromString(partnerA));
		mvc.perform(put("/api/metering/offerings/" + offeringA + "/client").with(adminB).contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientId\":\"" + ours.clientId() + "\"}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/metering/offerings/" + offeringB + "/client").with(adminB).contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientId\":\"" + ours.clientId() + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("is not one of your partner's clients")));
		send(put("/api/metering/offerings/" + offeringA + "/client"), adminA, "{\"clientId\":\"" + ours.clientId() + "\"}");
		mvc.perform(put("/api/metering/offerings/" + offeringB + "/client").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientId\":\"" + ours.clientId() + "\"}")).andExpect(status().isConflict());
	}

	@Test
	void reports_are_idempotent_capped_per_person_and_day_and_flagged() throws Exception {
		UUID person = UUID.randomUUID();
		String day = "2026-11-02";
		String first = send(post("/api/metering/reports"), adminA, report(offeringA, person, day, 600, "k1-" + suffix));
		assertThat((Integer) JsonPath.read(first, "$.counted")).isEqualTo(600);
		MvcResult repeat = mvc.perform(post("/api/metering/reports").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(report(offeringA, person, day, 600, "k1-" + suffix))).andExpect(status().isOk())
				.andExpect(jsonPath("$.duplicate").value(true)).andReturn();
		assertThat((Integer) JsonPath.read(repeat.getResponse().getContentAsString(), "$.id"))
				.isEqualTo(JsonPath.read(first, "$.id"));
		String over = send(post("/api/metering/reports"), adminA, report(offeringA, person, day, 600, "k2-" + suffix));
		assertThat((Integer) JsonPath.read(over, "$.counted")).isEqualTo(400); // the seeded cap is 1000 a day
		assertThat((Boolean) JsonPath.read(over, "$.anomaly")).isTrue();
		String beyond = send(post("/api/metering/reports"), adminA, report(offeringA, person, day, 5, "k3-" + suffix));
		assertThat((Integer) JsonPath.read(beyond, "$.counted")).isZero();
		send(post("/api/metering/reports"), adminA, report(offeringA, person, "2026-11-03", 700, "k4-" + suffix));
		mvc.perform(post("/api/metering/reports").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(report(offeringA, person, day, 601, "k1-" + suffix)))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("already used for another report")));

		assertThat(jdbc.sql("select sum(units) from usage_day where person = :p").param("p", person).query(Long.class).single())
				.isEqualTo(1700);
		mvc.perform(get("/api/metering/anomalies").with(STEWARD)).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.idempotencyKey == 'k2-" + suffix + "')].quantity").value(600))
				.andExpect(jsonPath("$[?(@.idempotencyKey == 'k3-" + suffix + "')].counted").value(0));
		mvc.perform(get("/api/metering/anomalies").with(adminA)).andExpect(status().isForbidden());
		String page = mvc.perform(get("/manage/metering/anomalies").with(user(users.loadUserByUsername("admin"))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(person.toString()).contains(offeringA).contains("Usage anomalies");
		assertThatThrownBy(() -> jdbc.sql("update usage_report set counted = quantity where person = :p").param("p", person).update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from usage_day where person = :p").param("p", person).update())
				.hasMessageContaining("append-only");
	}

	@Test
	void only_the_offerings_partner_or_its_own_client_may_report_for_it() throws Exception {
		UUID person = UUID.randomUUID();
		mvc.perform(post("/api/metering/reports").with(adminB).contentType(MediaType.APPLICATION_JSON)
				.content(report(offeringA, person, "2026-11-02", 10, "x-" + suffix))).andExpect(status().isForbidden());
		mvc.perform(post("/api/metering/reports").contentType(MediaType.APPLICATION_JSON)
				.content(report(offeringA, person, "2026-11-02", 10, "y-" + suffix))).andExpect(status().isUnauthorized());

		ServiceSignIns.Service linked = signIns.service("Linked " + suffix, UUID.fromString(partnerA));
		ServiceSignIns.Service other = signIns.service("Other " + suffix, UUID.fromString(partnerA));
		send(put("/api/metering/offerings/" + offeringA + "/client"), adminA, "{\"clientId\":\"" + linked.clientId() + "\"}");
		mvc.perform(post("/api/metering/reports").header("Authorization", "Bearer " + signIns.machineToken(linked))
				.contentType(MediaType.APPLICATION_JSON).content(report(offeringA, person, "2026-11-02", 10, "z-" + suffix)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.reportedBy").value("client:" + linked.clientId()));
		mvc.perform(post("/api/metering/reports").header("Authorization", "Bearer " + signIns.machineToken(other))
				.contentType(MediaType.APPLICATION_JSON).content(report(offeringA, person, "2026-11-02", 10, "w-" + suffix)))
				.andExpect(status().isForbidden());
	}

	@Test
	void the_month_is_summed_per_person_and_offering_in_person_order() {
		YearMonth period = YearMonth.of(2300 + (int) (Math.random() * 600), 2); // a month no other test writes
		UUID[] people = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
		UUID o1 = UUID.randomUUID();
		UUID o2 = UUID.randomUUID();
		active(people[0], o1, period.atDay(1));
		active(people[0], o1, period.atDay(2));
		active(people[0], o1, period.atEndOfMonth());
		active(people[0], o2, period.atDay(5));
		reported(people[0], o2, period.atDay(5), 250);
		reported(people[0], o2, period.atDay(6), 50);
		active(people[1], o2, period.atDay(10));
		active(people[1], o2, period.minusMonths(1).atEndOfMonth()); // the month before
		active(people[2], o1, period.plusMonths(1).atDay(1)); // the month after: person 2 used nothing in the period

		List<PersonUsage> month = new ArrayList<>();
		usage.forEachPersonUsage(period, month::add);
		List<OfferingUsage> firstUses = new ArrayList<>(List.of(new OfferingUsage(new OfferingId(o1), 3, 0),
				new OfferingUsage(new OfferingId(o2), 1, 300)));
		firstUses.sort((a, b) -> a.offering().value().toString().compareTo(b.offering().value().toString()));
		assertThat(month).containsExactlyInAnyOrder(new PersonUsage(people[0], firstUses),
				new PersonUsage(people[1], List.of(new OfferingUsage(new OfferingId(o2), 1, 0))));
		assertThat(month.get(0).person().toString()).isLessThan(month.get(1).person().toString());
	}

	private void active(UUID person, UUID offering, LocalDate day) {
		jdbc.sql("insert into usage_day (person, offering, day, active, units) values (:p, :o, :d, true, 0)")
				.param("p", person).param("o", offering).param("d", day).update();
	}

	private void reported(UUID person, UUID offering, LocalDate day, long units) {
		long report = jdbc.sql("insert into usage_report (offering, idempotency_key, person, day, quantity, counted, cap, anomaly, "
				+ "reported_by) values (:o, :k, :p, :d, :q, :q, 1000, false, 'test') returning id")
				.param("o", offering).param("k", UUID.randomUUID().toString()).param("p", person).param("d", day).param("q", units)
				.query(Long.class).single();
		jdbc.sql("insert into usage_day (person, offering, day, active, units, report) values (:p, :o, :d, false, :u, :r)")
				.param("p", person).param("o", offering).param("d", day).param("u", units).param("r", report).update();
	}

	private long activeDays(UUID person, String offering) {
		return jdbc.sql("select count(*) from usage_day where person = :p and offering = :o and active")
				.param("p", person).param("o", UUID.fromString(offering)).query(Long.class).single();
	}

	private static String report(String offering, UUID person, String day, long quantity, String key) {
		return "{\"offeringId\":\"" + offering + "\",\"person\":\"" + person + "\",\"day\":\"" + day + "\",\"quantity\":" + quantity
				+ ",\"idempotencyKey\":\"" + key + "\"}";
	}

	private String offering(String partner, String region, String app) throws Exception {
		String site = id(send(post("/api/sites"), STEWARD, "{\"region\":\"" + region + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Site " + UUID.randomUUID() + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
		String server = id(send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"REGIONAL\","
				+ "\"nominalDrawW\":60,\"lowPowerDrawW\":35,\"batteryWh\":5000,\"renewablePeakW\":400}"));
		return id(send(post("/api/offerings"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server
				+ "\",\"applicationId\":\"" + app + "\",\"audience\":\"GENERAL_PUBLIC\",\"lowResOptionAvailable\":false,"
				+ "\"lowResOptionRecommended\":false}"));
	}

	private RequestPostProcessor admin(String partner) throws Exception {
		String username = "met-admin-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"A\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partner + "\"}");
		return httpBasic(username, PASSWORD);
	}

	private static String partner(String name) {
		return "{\"legalName\":\"" + name + "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-"
				+ UUID.randomUUID() + "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}";
	}

	private String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	private static String id(String json) {
		Object id = JsonPath.read(json, "$.id");
		return id instanceof String s ? s : JsonPath.read(json, "$.id.value");
	}
}
