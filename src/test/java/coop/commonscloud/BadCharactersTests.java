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
class BadCharactersTests {

	static final String STEWARD = "Basic " + Base64.getEncoder().encodeToString("admin:steward-password-for-tests".getBytes());

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

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

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single();
	}
}
