package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text the database cannot store, dates out of range and requests Tomcat itself refuses get a 400 (or
 * 413, 415) problem detail that names the field, and nothing is stored. Through a real Tomcat, since
 * its own errors never reach Spring MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadCharactersTests {

	static final String STEWARD = "Basic " + Base64.getEncoder().encodeToString("admin:steward-password-for-tests".getBytes());

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	static final String PASSWORD = "a-long-enough-password";
	static final String SQUARE = "[[[144.9,-37.8],[145.0,-37.8],[145.0,-37.9],[144.9,-37.9],[144.9,-37.8]]]";

	/** What the cases' paths and bodies name: {region}, {partner}, {site} and {server}, made once. */
	final Map<String, String> made = new HashMap<>();
	String partnerAdmin;

	@BeforeAll
	void a_region_a_partner_with_its_admin_a_site_and_a_server() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		made.put("region", "bad-" + suffix);
		send("PUT", "/api/regions/" + made.get("region"), STEWARD, "{\"name\":\"Bad characters region\"}", 201);
		made.put("partner", id(send("POST", "/api/partners", STEWARD, "{\"legalName\":\"Bad Characters Co-op " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-" + suffix + "\"}", 201)));
		send("POST", "/api/accounts", STEWARD, "{\"username\":\"bad-admin-" + suffix + "\",\"displayName\":\"Bad admin\","
				+ "\"password\":\"" + PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + made.get("partner") + "\"}", 201);
		partnerAdmin = "Basic " + Base64.getEncoder().encodeToString(("bad-admin-" + suffix + ":" + PASSWORD).getBytes());
		made.put("site", id(send("POST", "/api/sites", STEWARD, fill("{\"region\":\"{region}\",\"partnerId\":\"{partner}\","
				+ "\"name\":\"Rack\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96,\"address\":\"1 Lane\"}"), 201)));
		made.put("server", id(send("POST", "/api/servers", STEWARD, fill("{\"partnerId\":\"{partner}\",\"siteId\":\"{site}\","
				+ "\"name\":\"alpha\",\"role\":\"REGIONAL\",\"hardware\":\"ThinkCentre\"}"), 201)));
	}

	/**
	 * One text field of each kind of thing the API writes, with a NUL or half of a surrogate pair in it. A
	 * PUT names the row it would change ({@code table:placeholder}); a POST counts the table's rows.
	 */
	@ParameterizedTest(name = "{0} {1} {3}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"PUT|/api/regions/{region}/boundary|{\"type\":\"Feature\",\"properties\":{\"name\":\"Nul\\u0000\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}|The boundary at 'properties.name' contains a NUL|region:region|steward",
			"PUT|/api/regions/{region}/boundary|{\"type\":\"Feature\",\"properties\":{\"name\":\"Half\\ud800\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}|The boundary at 'properties.name' contains half of a surrogate pair|region:region|steward",
			"PUT|/api/regions/{region}/boundary|{\"type\":\"Feature\",\"properties\":{\"Nul\\u0000\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}|has a property name that contains a NUL|region:region|steward",
			"PUT|/api/partners/{partner}|{\"legalName\":\"Bad Co-op\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-\\u0000\"}|'registrationNumber' contains a NUL|partner:partner|partnerAdmin",
			"POST|/api/sites|{\"region\":\"{region}\",\"partnerId\":\"{partner}\",\"name\":\"Nul\\u0000rack\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}|'name' contains a NUL|site|partnerAdmin",
			"PUT|/api/sites/{site}|{\"region\":\"{region}\",\"partnerId\":\"{partner}\",\"name\":\"Rack\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96,\"address\":\"1\\u0000Lane\"}|'address' contains a NUL|site:site|steward",
			"POST|/api/servers|{\"partnerId\":\"{partner}\",\"siteId\":\"{site}\",\"name\":\"beta\",\"role\":\"REGIONAL\",\"hardware\":\"Nul\\u0000box\"}|'hardware' contains a NUL|server|partnerAdmin",
			"PUT|/api/servers/{server}|{\"partnerId\":\"{partner}\",\"siteId\":\"{site}\",\"name\":\"alpha\",\"role\":\"REGIONAL\",\"hostingCompany\":\"Nul\\u0000Pty\"}|'hostingCompany' contains a NUL|server:server|partnerAdmin",
			"POST|/api/accounts|{\"username\":\"fine-user\",\"displayName\":\"Nul\\u0000name\",\"password\":\"a-long-enough-password\",\"role\":\"MEMBER\"}|'displayName' contains a NUL|account|steward",
			"POST|/api/accounts|{\"username\":\"fine-user\",\"email\":\"nul\\u0000@example.coop\",\"displayName\":\"x\",\"password\":\"a-long-enough-password\",\"role\":\"MEMBER\"}|'email' contains a NUL|account|steward",
			"POST|/api/parameters/locality.allowance|{\"value\":1,\"reason\":\"Nul\\u0000reason\"}|'reason' contains a NUL|platform_parameter|steward",
			"POST|/api/governance/proposals|{\"kind\":\"GENERAL\",\"title\":\"Nul\\u0000title\",\"rationale\":\"Because\"}|'title' contains a NUL|proposal|steward",
			"POST|/api/governance/proposals|{\"kind\":\"GENERAL\",\"title\":\"A title\",\"rationale\":\"Half\\udc00\"}|'rationale' contains half of a surrogate pair|proposal|steward",
			"POST|/api/billing/payments|{\"payer\":\"admin\",\"amount\":\"10.00\",\"receivedOn\":\"2026-07-01\",\"method\":\"cash\",\"reference\":\"nul-note\",\"note\":\"Nul\\u0000note\"}|'note' contains a NUL|payment|steward",
			"POST|/api/billing/payments|{\"payer\":\"admin\",\"amount\":\"10.00\",\"receivedOn\":\"2026-07-01\",\"method\":\"cash\",\"reference\":\"nul\\u0000reference\"}|'reference' contains a NUL|payment|steward",
			"POST|/api/applications|{\"name\":\"Nul\\u0000app\",\"licence\":\"MIT\",\"coveredByLoRes\":false,\"website\":\"https://example.org\",\"description\":\"An app\"}|'name' contains a NUL|application|steward",
			"POST|/api/applications|{\"name\":\"An app\",\"licence\":\"MIT\",\"coveredByLoRes\":false,\"website\":\"https://example.org\",\"description\":\"Nul\\u0000\"}|'description' contains a NUL|application|steward",
			"POST|/api/applications|{\"name\":\"An app\",\"licence\":\"MIT\\ud800\",\"coveredByLoRes\":false,\"website\":\"https://example.org\",\"description\":\"An app\"}|'licence' contains half of a surrogate pair|application|steward" })
	void bad_text_in_any_text_field_gets_a_400_naming_the_field_and_changes_nothing(String method, String path,
			String body, String named, String changes, String who) throws Exception {
		String[] table = changes.split(":");
		String before = table.length == 1 ? String.valueOf(rows(table[0])) : row(table[0], made.get(table[1]));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(fill(path)))
				.header("Authorization", who.equals("steward") ? STEWARD : partnerAdmin).header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(fill(body))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains(named);
		assertThat(table.length == 1 ? String.valueOf(rows(table[0])) : row(table[0], made.get(table[1]))).isEqualTo(before);
	}

	@Test
	void half_a_surrogate_pair_in_the_licence_query_gets_a_400_problem() throws Exception {
		// %ED%A0%80 is how a lone high surrogate (U+D800) would be encoded in UTF-8, which does not allow it.
		// Tomcat refuses the undecodable query itself, before any parameter has a name; its 400 cannot say which.
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/licences/evaluate?expression=MIT%ED%A0%80")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("The request could not be read");
	}

	/** A form of each module that has one: the page says what was wrong, instead of failing with a 500. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"/manage/partners|legalName=Nul%00Co-op&structure=REGISTERED_COOPERATIVE|legalName",
			"/manage/regions|slug=nul-form&name=Nul%00region|name",
			"/manage/partners/{partner}/sites|name=Nul%00rack&kind=PARTNER_RACK&latitude=-37.85&longitude=144.96|name",
			"/manage/partners/{partner}/servers|name=Nul%00box&role=REGIONAL|name",
			"/manage/partners/{partner}/admins|username=fine&displayName=Nul%00admin&password=a-long-enough-password|displayName",
			"/manage/governance/proposals|kind=GENERAL&title=Nul%00title&rationale=Because|title",
			"/manage/partners/{partner}/qualification/evidence|requirement=R1&statement=Nul%00statement|statement",
			"/manage/payments/manual|payer=admin&amount=10.00&receivedOn=2026-07-01&method=cash&reference=r&note=Nul%00|note",
			"/manage/payouts/partners/{partner}/bank-details|bsb=062000&accountNumber=12345678&accountName=Nul%00|accountName",
			"/sign-up|username=fine&displayName=Nul%00name&password=a-long-enough-password|displayName" })
	void a_nul_in_a_form_field_gets_a_page_that_names_the_field(String path, String form, String field) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(fill(path))).header("Authorization", STEWARD)
				.header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains(field + "&#39; contains a NUL character");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"POST|/api/partners|{\"legalName\":\"Nul\\u0000Co-op\",\"structure\":\"REGISTERED_COOPERATIVE\"}|'legalName' contains a NUL|partner",
			"POST|/api/partners|{\"legalName\":\"Half\\ud800Co-op\",\"structure\":\"REGISTERED_COOPERATIVE\"}|'legalName' contains half of a surrogate pair|partner",
			"PUT|/api/regions/nul-region|{\"name\":\"Nul\\u0000region\"}|'name' contains a NUL|region",
			"POST|/api/parameters/locality.allowance|{\"value\":1,\"reason\":\"x\",\"effectiveFrom\":\"+999999999-01-01T00:00:00Z\"}|'effectiveFrom' must be a date in the years 1 to 9999|platform_parameter",
			"POST|/api/parameters/locality.allowance|{\"value\":1,\"reason\":\"x\",\"effectiveFrom\":\"-999999999-01-01T00:00:00Z\"}|'effectiveFrom' must be a date in the years 1 to 9999|platform_parameter",
			"POST|/api/parameters/locality.allowance|{\"value\":1,\"reason\":\"x\",\"effectiveFrom\":\"0001-01-01T00:00:00Z\"}|'effectiveFrom' must lie between 2000-01-01|platform_parameter",
			"POST|/api/billing/payments|{\"payer\":\"admin\",\"amount\":\"10.00\",\"receivedOn\":\"0001-01-01\",\"method\":\"cash\",\"reference\":\"year-one\"}|'receivedOn' must lie between 2000-01-01|payment",
			"POST|/api/billing/payments|{\"payer\":\"admin\",\"amount\":\"10.00\",\"receivedOn\":\"9999-12-31\",\"method\":\"cash\",\"reference\":\"year-9999\"}|'receivedOn' must lie between 2000-01-01|payment",
			"POST|/api/accounts|{\"username\":\"nul\\u0000user\",\"displayName\":\"x\",\"password\":\"a-long-enough-password\",\"role\":\"MEMBER\"}|'username' contains a NUL|account" })
	void bad_text_or_dates_in_a_json_body_get_a_400_naming_the_field(String method, String path, String body, String named,
			String table) throws Exception {
		long before = rows(table);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", STEWARD)
				.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains(named);
		assertThat(rows(table)).isEqualTo(before);
	}

	@Test
	void a_nul_in_a_query_parameter_gets_a_400_problem_naming_it() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/licences/evaluate?expression=MIT%00")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("'expression' contains a NUL");
	}

	@Test
	void a_nul_in_an_uploaded_bank_statement_gets_a_400_naming_the_file() throws Exception {
		String boundary = "----strict";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statement.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nDate,Amount,Description\n2026-07-01,10.00,Rent\u0000\n\r\n--" + boundary + "--\r\n";
		long before = rows("payment");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/billing/statements"))
				.header("Authorization", STEWARD).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("'file' (statement.csv) contains a NUL byte on line 2");
		assertThat(rows("payment")).isEqualTo(before);
	}

	@Test
	void an_unsupported_media_type_is_a_415_problem() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/partners")).header("Authorization", STEWARD)
				.header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<partner/>")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void a_body_too_large_is_a_413_problem() throws Exception {
		String answer = raw("POST /api/partners HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + STEWARD
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + 5 * 1024 * 1024 + "\r\nConnection: close\r\n\r\n{");
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
	}

	@Test
	void tomcats_own_400_for_an_over_long_query_is_a_problem() throws Exception {
		String answer = raw("GET /api/partners?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).as(answer.substring(0, Math.min(600, answer.length()))).startsWith("HTTP/1.1 400");
		assertThat(answer.toLowerCase()).as(answer.substring(0, Math.min(600, answer.length())))
				.contains("content-type: application/problem+json");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private String send(String method, String path, String authorization, String body, int expected) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
				.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
		return response.body();
	}

	private static String id(String json) {
		Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
		assertThat(id.find()).as(json).isTrue();
		return id.group(1);
	}

	private String fill(String text) {
		for (Map.Entry<String, String> thing : made.entrySet()) {
			text = text.replace("{" + thing.getKey() + "}", thing.getValue());
		}
		return text;
	}

	/** The row as text, to see that nothing in it changed; regions are keyed by slug. */
	private String row(String table, String key) {
		return jdbc.sql("select t::text from \"" + table + "\" t where " + (table.equals("region") ? "slug" : "id") + "::text = :key")
				.param("key", key).query(String.class).single();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single();
	}
}
