package coop.commonscloud.portability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.platform.PersonalData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A person's export holds exactly their own rows, with a second person's rows planted beside them,
 * and every table that names an account is either in it or listed with the reason it is not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalExportTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	List<PersonalData> modules;

	/** A person and everything planted for them. */
	record Planted(UUID id, String username, String paymentReference, String comment, String ballot) {
	}

	String suffix;
	String notes;
	String chat;

	@BeforeEach
	void two_offerings() throws Exception {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		String region = "port-" + suffix;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Portability test region\"}");
		String partner = id(send(post("/api/partners"), STEWARD, "{\"legalName\":\"Data Co-op " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-" + suffix
				+ "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}"));
		String site = id(send(post("/api/sites"), STEWARD, "{\"region\":\"" + region + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Rack " + suffix + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
		String server = id(send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv\",\"role\":\"REGIONAL\",\"nominalDrawW\":35,\"lowPowerDrawW\":12,\"batteryWh\":2000,"
				+ "\"renewablePeakW\":400}"));
		notes = offering(partner, server, "Notes " + suffix);
		chat = offering(partner, server, "Chat " + suffix);
		send(put("/api/offerings/" + notes + "/data-return"), STEWARD, "{\"url\":\"https://notes.example.coop/export\"}");
	}

	@Test
	void the_export_holds_exactly_the_persons_own_data_and_none_of_a_second_person_planted_beside_them() throws Exception {
		Planted alice = person("alice", List.of(notes, chat), "3250");
		Planted bob = person("bob", List.of(chat), "7775");

		Map<String, String> files = export(alice.username());

		assertThat(files.keySet()).containsExactlyInAnyOrder("README.txt", "account.json", "payments.csv", "payments.json",
				"usage.csv", "where-my-money-went.csv", "governance.json", "services.json", "chosen-services.csv");
		String everything = String.join("\n", files.values());
		for (String bobs : List.of(bob.id().toString(), bob.username(), bob.paymentReference(), bob.comment(), bob.ballot())) {
			assertThat(everything).as("the second person's " + bobs).doesNotContain(bobs);
		}

		String account = files.get("account.json");
		assertThat((Object) JsonPath.read(account, "$.schemaVersion")).isEqualTo(1);
		assertThat((String) JsonPath.read(account, "$.profile.username")).isEqualTo(alice.username());
		assertThat((List<?>) JsonPath.read(account, "$.signInHistory")).isNotNull();
		assertThat((Boolean) JsonPath.read(account, "$.secondFactor.enabled")).isFalse();
		assertThat(account).doesNotContain("password_hash").doesNotContain("$argon2");

		assertThat(files.get("payments.csv")).contains("PAYMENT,2026-11-03,").contains(",3250,AUD,")
				.contains(",-1000,AUD,").contains("\"cash-alice-" + suffix + "\"");
		String payments = files.get("payments.json");
		assertThat((List<Integer>) JsonPath.read(payments, "$.lines[*].amountMinor")).containsExactly(3250, -1000);
		assertThat((List<String>) JsonPath.read(payments, "$.plans[*].tier")).containsExactly("FULL");
		assertThat((String) JsonPath.read(payments, "$.paymentReference")).isEqualTo(alice.paymentReference());

		assertThat(files.get("usage.csv").lines().skip(1).map(line -> line.split(",")[0]).distinct().sorted())
				.containsExactlyElementsOf(new TreeSet<>(List.of(notes, chat)));
		assertThat(files.get("usage.csv").lines().count()).isEqualTo(1 + 4);

		assertThat(files.get("where-my-money-went.csv").lines().skip(1).toList()).hasSize(2)
				.allSatisfy(line -> assertThat(line).contains(",AUD,"));

		String governance = files.get("governance.json");
		assertThat((List<String>) JsonPath.read(governance, "$.memberships[*].class")).containsExactly("PERSON");
		assertThat((List<String>) JsonPath.read(governance, "$.comments[*].body")).containsExactly(alice.comment());
		assertThat((List<String>) JsonPath.read(governance, "$.namedBallots[*].content")).containsExactly(alice.ballot());
		assertThat((List<?>) JsonPath.read(governance, "$.anonymousPollsTakenPartIn")).hasSize(1);
		assertThat((String) JsonPath.read(governance, "$.anonymousBallots")).contains("can link them to you");
		assertThat(governance).doesNotContain("sealed-" + suffix);

		String services = files.get("services.json");
		assertThat((List<String>) JsonPath.read(services, "$.services[*].offeringId")).containsExactlyInAnyOrder(notes, chat);
		assertThat((List<String>) JsonPath.read(services, "$.services[?(@.offeringId == '" + notes + "')].dataExportLink"))
				.containsExactly("https://notes.example.coop/export");
		assertThat((List<String>) JsonPath.read(services, "$.services[*].partner")).containsOnly("Data Co-op " + suffix);
		assertThat(files.get("README.txt")).contains("where-my-money-went.csv").contains("anonymous");
	}

	@Test
	void every_table_that_names_an_account_is_in_the_export_or_listed_with_why_not() {
		Map<String, PersonalData.Holding> holdings = new TreeMap<>();
		modules.forEach(module -> module.holdings().forEach(h -> holdings.put(h.table() + "." + h.column(), h)));
		List<String> naming = jdbc.sql("""
				select c.table_name || '.' || c.column_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and c.column_name in ('account_id', 'person', 'person_id', 'member_id', 'used_by', 'principal_name',
				                        'username', 'author', 'cast_by', 'checkpoint_person')
				order by 1""").query(String.class).list();
		List<String> unaccounted = new ArrayList<>(naming);
		unaccounted.removeAll(holdings.keySet());
		unaccounted.removeAll(NOT_ABOUT_A_PERSON.keySet());
		assertThat(naming).contains("payment.person", "usage_day.person", "settlement_line.person", "sign_in_event.account_id");
		assertThat(unaccounted).as("tables naming an account that no module's PersonalData covers or excludes").isEmpty();
	}

	/** Columns with a person-like name that do not name a person, and why. */
	static final Map<String, String> NOT_ABOUT_A_PERSON = Map.of(
			"governance_delegate.member_id", "the organisation a delegate votes for; the delegate is its username column",
			"governance_proxy.member_id", "proxies are between member organisations and memberships, not people's data",
			"proposal_involved_member.member_id", "the parties to an appeal: member organisations",
			"refresh_token_family_revoked.principal_name", "a revoked token family's owner: a security trace of secrets");

	private Planted person(String name, List<String> offerings, String cents) throws Exception {
		String username = name + "-" + suffix;
		UUID id = UUID.fromString(id(send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username
				+ "\",\"displayName\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"MEMBER\"}")));
		RequestPostProcessor self = httpBasic(username, PASSWORD);
		send(post("/api/billing/me/plan"), self, "{\"tier\":\"FULL\"}");
		String reference = JsonPath.read(send(get("/api/billing/me"), self, ""), "$.paymentReference");
		String payment = id(send(post("/api/billing/payments"), STEWARD, "{\"payer\":\"" + username + "\",\"amount\":\""
				+ cents.substring(0, 2) + "." + cents.substring(2) + "\",\"receivedOn\":\"2026-11-03\",\"method\":\"cash\","
				+ "\"reference\":\"cash-" + name + "-" + suffix + "\"}"));
		if (name.equals("alice")) {
			send(post("/api/billing/payments/" + payment + "/refunds"), STEWARD,
					"{\"amount\":\"10.00\",\"refundedOn\":\"2026-11-04\",\"why\":\"paid twice by mistake\"}");
		}
		for (String offering : offerings) {
			for (String day : List.of("2026-11-05", "2026-11-06")) {
				jdbc.sql("insert into usage_day (person, offering, day, active, units) values (:p, :o, cast(:d as date), true, 0)")
						.param("p", id).param("o", UUID.fromString(offering)).param("d", day).update();
			}
		}
		UUID run = UUID.randomUUID();
		jdbc.sql("""
				insert into settlement_run (id, period, currency, status, started_by, people_total, stewardship_ppm,
				  land_back_ppm, weighting, fallback, parameters, posted_at)
				values (:id, :period, 'AUD', 'POSTED', 'test', 1, 100000, 50000, 'ACTIVE_DAYS', 'PRO_RATA', '{}', now())""")
				.param("id", run).param("period", (3000 + Math.floorMod(id.hashCode(), 6000)) + "-01").update();
		jdbc.sql("""
				insert into settlement_line (run_id, person, line_no, kind, partner, amount_minor) values
				  (:run, :p, 1, 'STEWARDSHIP', null, 325), (:run, :p, 2, 'FUND', null, 2925)""")
				.param("run", run).param("p", id).update();
		UUID member = UUID.randomUUID();
		jdbc.sql("insert into governance_member (id, member_class, name, username, email, admitted_by) "
				+ "values (:id, 'PERSON', :name, :u, :email, 'test')")
				.param("id", member).param("name", name).param("u", username).param("email", username + "@example.org").update();
		UUID proposal = UUID.randomUUID();
		jdbc.sql("insert into proposal (id, kind, title, rationale, state, author) values (:id, 'GENERAL', :t, 'Why not', 'POLL', :u)")
				.param("id", proposal).param("t", "Proposal of " + username).param("u", username).update();
		String comment = "Comment of " + username;
		jdbc.sql("insert into proposal_comment (proposal_id, author, body) values (:p, :u, :b)").param("p", proposal)
				.param("u", username).param("b", comment).update();
		UUID named = poll(proposal, false);
		String ballot = "ballot-" + username;
		jdbc.sql("insert into named_ballot (poll_id, member_id, content, weight) values (:p, :m, :c, 1)").param("p", named)
				.param("m", member).param("c", ballot).update();
		jdbc.sql("insert into ballot_receipt (poll_id, member_id, cast_by, by_proxy) values (:p, :m, :u, false)")
				.param("p", named).param("m", member).param("u", username).update();
		UUID secret = poll(null, true);
		jdbc.sql("insert into anonymous_participation (poll_id, member_id) values (:p, :m)").param("p", secret)
				.param("m", member).update();
		jdbc.sql("insert into anonymous_ballot (id, poll_id, token_hash, revision, sealed) values (:id, :p, :h, 1, :s)")
				.param("id", UUID.randomUUID()).param("p", secret)
				.param("h", String.format("%064x", new java.math.BigInteger(1, UUID.randomUUID().toString().getBytes())).substring(0, 64))
				.param("s", "sealed-" + suffix).update();
		return new Planted(id, username, reference, comment, ballot);
	}

	/** A poll of its own proposal (or of {@code proposal}). */
	private UUID poll(UUID proposal, boolean anonymous) {
		UUID of = proposal;
		if (of == null) {
			of = UUID.randomUUID();
			jdbc.sql("insert into proposal (id, kind, title, rationale, state, author) values (:id, 'GENERAL', 'Secret', 'Why', 'POLL', 'admin')")
					.param("id", of).update();
		}
		UUID poll = UUID.randomUUID();
		jdbc.sql("""
				insert into poll (id, proposal_id, method, options, quorum, opens_at, closes_at, anonymous, results_hidden, opened_by)
				values (:id, :proposal, 'MAJORITY', array['yes','no'], 0, now(), now() + interval '1 day', :anonymous, false, 'admin')""")
				.param("id", poll).param("proposal", of).param("anonymous", anonymous).update();
		return poll;
	}

	private Map<String, String> export(String username) throws Exception {
		MvcResult result = mvc.perform(get("/api/me/export").with(httpBasic(username, PASSWORD))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
		Map<String, String> files = new TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	private String offering(String partner, String server, String application) throws Exception {
		String app = id(send(post("/api/applications"), STEWARD, "{\"name\":\"" + application
				+ "\",\"licence\":\"AGPL-3.0-or-later\",\"coveredByLoRes\":false}"));
		return id(send(post("/api/offerings"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server
				+ "\",\"applicationId\":\"" + app
				+ "\",\"audience\":\"MEMBERS_ONLY\",\"lowResOptionAvailable\":false,\"lowResOptionRecommended\":false}"));
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
