package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** How pages and static files travel over real HTTP from the embedded Tomcat: compressed, and cached by content. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ServingTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Encoding", acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void pages_are_sent_compressed_to_browsers_that_accept_it() throws Exception {
		HttpResponse<byte[]> page = get("/", "gzip");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String html = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes());
		assertThat(html).contains("<main");

		HttpResponse<byte[]> plain = get("/", "identity");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body())).contains("<main");
	}

	@Test
	void the_style_sheet_has_its_content_hash_in_its_address_and_is_cached_for_a_year() throws Exception {
		String html = new String(get("/", "identity").body());
		Matcher link = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(html);
		assertThat(link.find()).as("the page links the hashed style sheet").isTrue();

		HttpResponse<byte[]> css = get(link.group(1), "identity");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(
				cache -> assertThat(cache).contains("max-age=31536000").doesNotContain("no-cache"));
		assertThat(get("/css/site-00000000000000000000000000000000.css", "identity").statusCode())
				.as("a stale hash is not served as if current").isEqualTo(404);
	}
}
