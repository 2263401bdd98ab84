package coop.commonscloud.identity.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser, as far as these tests need one: keeps cookies, follows redirects on request. */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
	}

	public HttpResponse<String> post(String url, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
	}

	/** Follows redirects until a page answers, or until the next redirect goes where {@code stopAt} says. */
	public HttpResponse<String> follow(HttpResponse<String> response, Predicate<String> stopAt) {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 20; hops++) {
			String next = location(current);
			if (next == null || stopAt.test(next)) {
				return current;
			}
			current = get(next);
		}
		throw new IllegalStateException("More than 20 redirects, last at " + current.uri());
	}

	public HttpResponse<String> follow(HttpResponse<String> response) {
		return follow(response, url -> false);
	}

	/** Signs in on the login page this response shows. */
	public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
		String action = loginPage.uri().resolve("/login").toString();
		return post(action, Map.of("username", username, "password", password, "_csrf", csrf(loginPage.body())));
	}

	public static String location(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 3) {
			return null;
		}
		return response.headers().firstValue("Location").map(l -> response.uri().resolve(l).toString()).orElse(null);
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page: " + html);
		}
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (Boolean.getBoolean("browser.trace")) {
				System.out.println("BROWSER " + request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
						+ response.headers().firstValue("Location").orElse("") + " " + response.headers().allValues("Set-Cookie"));
			}
			return response;
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
