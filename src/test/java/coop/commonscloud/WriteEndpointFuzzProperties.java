package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.WriteEndpoints.Endpoint;
import coop.commonscloud.WriteEndpoints.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A fuzz of every write endpoint (each POST, PUT, PATCH and DELETE in the handler mappings, API and page forms
 * alike), signed in as the steward {@code admin} (a session's principal with a CSRF token, not Basic credentials,
 * which cost an Argon2 hash per request), so that requests get past authorization to validation and the database: bad input never
 * gets a 5xx, and bad input that is refused changes no rows.
 * <p>
 * Inputs are shaped like what the endpoint reads ({@link WriteEndpoints}: the fields of its {@code @RequestBody}
 * record, its form fields, query parameters and uploads), with bad values ({@link BadInput}), and mixed with bodies
 * no endpoint takes, wrong content types and bytes that are not UTF-8. Path variables are the fixture's own ids or
 * ones that are not ids at all.
 * <p>
 * "Changes no rows" is checked exactly and cheaply through PostgreSQL's transaction ids: a transaction gets an id
 * only when it writes, so a request that committed no transaction changed nothing. Before a request the test reads
 * the next transaction id to be assigned, after it every id since then that committed. Other test contexts in this
 * JVM share the database and may commit in the meantime (their schedulers, listeners), so a committed id counts
 * against the request only when a row of some table carries it as {@code xmin}, that is, when it inserted or updated
 * that row; the failure names the table. A refused request that only deleted rows would not be seen, nor one
 * that wrote only {@link #WRITTEN_IN_THE_BACKGROUND} (a scheduler writes those tables whatever the requests do). An answer that
 * accepted the input (2xx from the API, a redirect after a form, Post/Redirect/Get) may change rows: the input was
 * valid after all; the test then waits for the listeners of what it published, so that their commits are not
 * counted against the next request. A form shown again with its errors (200) or any 4xx must change nothing.
 * <p>
 * A failure prints jqwik's seed; put it in {@code @Property(seed = "...")} to send the same requests again. jqwik
 * also reruns the failed sample first on the next run (its database is {@code .jqwik-database}, not committed).
 */
@SpringBootTest
@AutoConfigureMockMvc
class WriteEndpointFuzzProperties {

	private static final TestContextManager SPRING = new TestContextManager(WriteEndpointFuzzProperties.class);
	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
			"text/plain", "application/xml", "text/csv", "application/geo+json", "multipart/form-data",
			"application/json;charset=x-no-such-charset", "application/json;charset=UTF-16", "*/*", "garbage");

	/** Tables that scheduled jobs write while the fuzz runs (a new signing key), whatever the requests do. */
	private static final java.util.Set<String> WRITTEN_IN_THE_BACKGROUND = java.util.Set.of("signing_key");

	/** The fixture's ids, made once per JVM: path variables and identifier fields take them now and then. */
	private static Map<String, List<String>> known;

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;
	@Autowired
	UserDetailsService users;
	/** Signed in as by a session, not by Basic credentials, which take an Argon2 hash (most of a second) per request. */
	UserDetails steward;

	@BeforeProperty
	void the_application_and_a_region_of_its_own() throws Exception {
		SPRING.prepareTestInstance(this);
		steward = users.loadUserByUsername("admin");
		if (known == null) {
			known = fixture();
		}
	}

	@Property(tries = 800)
	void bad_input_to_any_write_endpoint_gets_no_5xx_and_refused_input_changes_nothing(@ForAll("probes") Probe probe)
			throws Exception {
		if (Boolean.getBoolean("fuzz.survey")) {
			try {
				send(probe);
			} catch (AssertionError e) {
				System.out.println("FUZZ-FAIL " + e.getMessage().replace('\n', ' '));
			}
			return;
		}
		send(probe);
	}

	/** Found by this fuzz: an upload endpoint sent JSON answered 500 ("Current request is not a multipart request"). */
	@Example
	void an_upload_sent_as_json_gets_a_400_that_says_to_send_multipart() throws Exception {
		MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/api/billing/statements").with(user(steward)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("send it as multipart/form-data");
	}

	@Provide
	Arbitrary<Probe> probes() {
		List<Endpoint> endpoints = WriteEndpoints.of(mappings).all();
		assertThat(endpoints).as("write endpoints found").hasSizeGreaterThan(50);
		Map<Endpoint, Arbitrary<Probe>> probes = new java.util.HashMap<>();
		return Arbitraries.of(endpoints).flatMap(endpoint -> probes.computeIfAbsent(endpoint, this::probe));
	}

	/** One request to an endpoint; {@code toString} is what a failure shows. */
	record Probe(Endpoint endpoint, List<String> path, String contentType, String body, byte[] bytes,
			Map<String, String> fields, String upload) {

		@Override
		public String toString() {
			String shown = bytes != null ? "bytes " + java.util.HexFormat.of().formatHex(bytes)
					: body == null ? "no body" : abbreviated(body);
			return endpoint + " path " + path + " content-type " + contentType + " fields "
					+ fields.entrySet().stream().map(e -> e.getKey() + "=" + abbreviated(e.getValue())).toList()
					+ (upload == null ? "" : " upload " + abbreviated(upload)) + " body " + shown;
		}

		private static String abbreviated(String text) {
			String escaped = BadInput.quoted(text);
			return escaped.length() > 200 ? escaped.substring(0, 200) + "…(" + text.length() + " chars)" : escaped;
		}
	}

	private Arbitrary<Probe> probe(Endpoint endpoint) {
		Arbitrary<List<String>> path = Combinators.combine(endpoint.pathVariables().stream()
				.map(name -> Arbitraries.oneOf(Arbitraries.of(BadInput.IDENTIFIERS), Arbitraries.of(known(name))))
				.toList()).as(values -> values);
		if (endpoint.pathVariables().isEmpty()) {
			path = Arbitraries.just(List.of());
		}
		Arbitrary<Map<String, String>> fields = fields(endpoint.fields());
		List<Tuple.Tuple2<Integer, Arbitrary<Probe>>> kinds = new ArrayList<>();
		Arbitrary<Probe> junk = Combinators.combine(path, Arbitraries.of(CONTENT_TYPES), Arbitraries.of(BadInput.BODIES))
				.as((p, type, body) -> new Probe(endpoint, p, type, body, null, Map.of(), null));
		kinds.add(Tuple.of(2, junk));
		kinds.add(Tuple.of(1, path.map(p -> new Probe(endpoint, p, "application/json", null,
				new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' }, Map.of(), null))));
		if (endpoint.body() != null) {
			String type = endpoint.consumes().isEmpty() ? "application/json" : endpoint.consumes().get(0).toString();
			Arbitrary<String> body = BadInput.raw(endpoint.body()) == String.class ? csv() : BadInput.json(endpoint.body(),
					known("id"), 0);
			kinds.add(Tuple.of(8, Combinators.combine(path, body, fields)
					.as((p, b, f) -> new Probe(endpoint, p, type, b, null, f, null))));
		}
		if (!endpoint.fields().isEmpty() || endpoint.body() == null) {
			String type = endpoint.api() ? null : "application/x-www-form-urlencoded";
			kinds.add(Tuple.of(6, Combinators.combine(path, fields).as((p, f) -> new Probe(endpoint, p, type, null, null, f, null))));
		}
		if (!endpoint.uploads().isEmpty()) {
			kinds.add(Tuple.of(6, Combinators.combine(path, fields, csv())
					.as((p, f, file) -> new Probe(endpoint, p, "multipart/form-data", null, null, f, file))));
		}
		return Arbitraries.frequencyOf(kinds.toArray(Tuple.Tuple2[]::new));
	}

	/** The endpoint's own fields, each now and then missing, and now and then one it does not know. */
	private static Arbitrary<Map<String, String>> fields(List<Field> declared) {
		List<Arbitrary<Map.Entry<String, String>>> entries = new ArrayList<>();
		for (Field field : declared) {
			entries.add(BadInput.formValue(field.type(), known("id")).map(value -> Map.entry(field.name(), value))
					.injectNull(0.1));
		}
		entries.add(Combinators.combine(BadInput.text(), BadInput.text()).as(Map::entry).injectNull(0.7));
		return Combinators.combine(entries).as(list -> {
			Map<String, String> map = new LinkedHashMap<>();
			list.stream().filter(e -> e != null && !e.getKey().isEmpty()).forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
			return map;
		});
	}

	/** Text for a CSV or GeoJSON body or an upload: lines of bad values. */
	private static Arbitrary<String> csv() {
		Arbitrary<String> line = BadInput.text().list().ofMinSize(1).ofMaxSize(4).map(cells -> String.join(",", cells));
		return Arbitraries.oneOf(line.list().ofMaxSize(4).map(lines -> "Date,Amount,Description\n" + String.join("\n", lines)),
				Arbitraries.of(BadInput.BODIES), BadInput.json(Object.class, List.of(), 0));
	}

	private void send(Probe probe) throws Exception {
		Endpoint endpoint = probe.endpoint();
		URI uri = UriComponentsBuilder.fromPath(endpoint.pattern()).encode().buildAndExpand(probe.path().toArray()).toUri();
		AbstractMockHttpServletRequestBuilder<?> request;
		if (probe.upload() != null) {
			MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(endpoint.method(), uri);
			for (String name : endpoint.uploads()) {
				multipart.file(new MockMultipartFile(name, "statement.csv", "text/csv",
						probe.upload().getBytes(StandardCharsets.UTF_8)));
			}
			request = multipart;
		} else {
			request = MockMvcRequestBuilders.request(endpoint.method(), uri);
		}
		if (probe.contentType() != null) {
			request.contentType(probe.contentType());
		}
		if (probe.bytes() != null) {
			request.content(probe.bytes());
		} else if (probe.body() != null) {
			request.content(probe.body().getBytes(StandardCharsets.UTF_8));
		}
		probe.fields().forEach(request::param);
		request.with(user(steward)).with(csrf());

		long before = nextTransaction();
		long unfinishedBefore = unfinishedPublications();
		int status;
		String answer;
		String redirect = null;
		try {
			MvcResult result = mvc.perform(request).andReturn();
			status = result.getResponse().getStatus();
			answer = result.getResponse().getContentAsString();
			redirect = result.getResponse().getRedirectedUrl();
		} catch (Exception unhandled) {
			status = 500;
			answer = unhandled.toString();
		}
		assertThat(status).as("%s answered %s", probe, answer.length() > 600 ? answer.substring(0, 600) : answer)
				.isLessThan(500);
		boolean accepted = endpoint.api() ? status / 100 == 2 : status / 100 == 3;
		if (accepted) {
			awaitListeners(unfinishedBefore);
		} else {
			assertThat(tablesWrittenSince(before)).as("%s answered %s %s yet wrote", probe, status,
					redirect == null ? abbreviate(answer) : redirect).isEmpty();
		}
	}

	private static String abbreviate(String answer) {
		return answer.length() > 300 ? answer.substring(0, 300) + "…" : answer;
	}

	private long nextTransaction() {
		return jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
	}

	/** The tables with a row inserted or updated by a transaction that committed since {@code before}. */
	private List<String> tablesWrittenSince(long before) {
		List<Long> committed = jdbc.sql("""
				select x from generate_series(:before, pg_snapshot_xmax(pg_current_snapshot())::text::bigint - 1) x
				where pg_xact_status(x::text::xid8) = 'committed'""").param("before", before).query(Long.class).list();
		if (committed.isEmpty()) {
			return List.of();
		}
		String xids = committed.stream().map(x -> String.valueOf(x % (1L << 32))).collect(Collectors.joining(",", "{", "}"));
		List<String> written = new ArrayList<>();
		for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by 1")
				.query(String.class).list()) {
			if (WRITTEN_IN_THE_BACKGROUND.contains(table)) {
				continue;
			}
			if (jdbc.sql("select exists (select 1 from \"" + table + "\" where xmin::text::bigint = any(cast(:xids as bigint[])))")
					.param("xids", xids).query(Boolean.class).single()) {
				written.add(table);
			}
		}
		return written;
	}

	private long unfinishedPublications() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
	}

	/** Waits, a little, for the listeners of what an accepted request published. */
	private void awaitListeners(long unfinishedBefore) throws InterruptedException {
		for (int i = 0; i < 40 && unfinishedPublications() > unfinishedBefore; i++) {
			Thread.sleep(50);
		}
	}

	private static List<String> known(String pathVariable) {
		return switch (pathVariable) {
			case "slug" -> known.get("slug");
			case "number" -> List.of("0", "-1", "999999999", "2147483648");
			// no period that could be settled: posting one starts a job that commits in the background, for minutes
			case "period" -> List.of("1999-13", "2026-7", "+2026-01", "0000-01", "2026-00");
			case "format" -> List.of("csv", "beancount", "aba", "sepa", "xml", "");
			case "kind", "name", "key" -> BadInput.TEXTS.subList(0, 12);
			default -> known.get("id");
		};
	}

	/** A region, a partner with a site and a server, and a member of its own, so that writes to them get far. */
	private Map<String, List<String>> fixture() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String region = "fuzz-" + suffix;
		answer("PUT", "/api/regions/" + region, "{\"name\":\"Fuzz region " + suffix + "\"}");
		String partner = created("POST", "/api/partners", "{\"legalName\":\"Fuzz Co-op " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"F-" + suffix + "\",\"contacts\":[]}");
		String site = created("POST", "/api/sites", "{\"region\":\"" + region + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Fuzz rack " + suffix + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}");
		String server = created("POST", "/api/servers", "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"fuzz-" + suffix + "\",\"role\":\"REGIONAL\",\"nominalDrawW\":35,\"lowPowerDrawW\":12,"
				+ "\"batteryWh\":2000,\"renewablePeakW\":400}");
		String member = created("POST", "/api/accounts", "{\"username\":\"fuzz-" + suffix + "\",\"displayName\":\"Fuzz\","
				+ "\"password\":\"a-long-enough-password\",\"role\":\"MEMBER\",\"partnerId\":null}");
		return Map.of("slug", List.of(region), "id", List.of(partner, site, server, member, UUID.randomUUID().toString()));
	}

	private String created(String method, String path, String body) throws Exception {
		String answer = answer(method, path, body);
		Object id = JsonPath.read(answer, "$.id");
		return id instanceof String s ? s : JsonPath.read(answer, "$.id.value");
	}

	private String answer(String method, String path, String body) throws Exception {
		MvcResult result = mvc.perform(MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
				.with(user(steward)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		String answer = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(answer).isBetween(200, 201);
		return answer;
	}
}
