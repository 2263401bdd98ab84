package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.ServedAtPublicUrl;
import coop.commonscloud.identity.internal.StewardCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A relying party not written in Java: node with the npm package {@code openid-client}, installed
 * from the npm registry by this test into {@code target/node-rp}. It discovers the provider, signs a
 * person in with PKCE (this test plays the person's browser), checks the ID token's signature
 * against the JWKS, reads userinfo, refreshes and builds the logout URL, which the browser follows.
 */
class NodeRelyingPartyTests extends ServedAtPublicUrl {

	static final Path SOURCE = Path.of("src/test/node");
	static final Path INSTALLED = Path.of("target/node-rp");

	@Test
	void openid_client_on_node_completes_the_whole_flow() throws Exception {
		assumeTrue(commandWorks("node", "--version"), "node is not installed");
		installOpenIdClient();
		String issuer = PUBLIC_URL;
		StewardCalls region = new StewardCalls(issuer);
		StewardCalls.Client client = region.client("Node service", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("node");
		String accountId = region.member(username);

		Process node = new ProcessBuilder("node", "relying-party.mjs", issuer, client.clientId(), client.clientSecret(),
				AuthorizationCodeFlow.REDIRECT, "http://127.0.0.1:9/").directory(INSTALLED.toFile())
				// never inherit: the test JVM's stdout is Surefire's channel to Maven, and output there corrupts it
				.redirectError(INSTALLED.resolve("node-stderr.log").toFile()).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
				Writer in = node.outputWriter(StandardCharsets.UTF_8)) {
			String first = out.readLine();
			assertThat(first).as("node's first line; stderr: " + stderr()).isNotNull().doesNotContain("\"error\"");
			String authorizationUrl = JsonPath.read(first, "$.authorizationUrl");

			Browser browser = new Browser();
			HttpResponse<String> back = new AuthorizationCodeFlow(region).authorize(browser, authorizationUrl, username);
			in.write("{\"callback\":\"" + Browser.location(back) + "\"}\n");
			in.flush();

			String result = out.readLine();
			assertThat(result).as("node's result; stderr: " + stderr()).isNotNull().doesNotContain("\"error\"");
			Map<String, Object> claims = JsonPath.read(result, "$.claims");
			assertThat(claims).containsEntry("sub", accountId).containsEntry("preferred_username", username)
					.containsEntry("iss", issuer);
			assertThat((String) JsonPath.read(result, "$.userInfo.email")).isEqualTo(username + "@example.org");
			assertThat((Boolean) JsonPath.read(result, "$.refreshed")).isTrue();

			String logoutUrl = JsonPath.read(result, "$.logoutUrl");
			assertThat(logoutUrl).startsWith(issuer + "/connect/logout");
			HttpResponse<String> loggedOut = browser.get(logoutUrl);
			assertThat(Browser.location(loggedOut)).isEqualTo("http://127.0.0.1:9/");
		} finally {
			node.waitFor(10, TimeUnit.SECONDS);
			node.destroy();
		}
	}

	private static void installOpenIdClient() throws IOException, InterruptedException {
		Files.createDirectories(INSTALLED);
		for (String file : List.of("package.json", "relying-party.mjs")) {
			Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		if (Files.isDirectory(INSTALLED.resolve("node_modules/openid-client"))) {
			return;
		}
		Path log = INSTALLED.resolve("npm-install.log");
		Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
				.directory(INSTALLED.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
		assertThat(npm.exitValue()).as("npm install openid-client from the npm registry: " + Files.readString(log)).isZero();
	}

	private static String stderr() {
		try {
			return Files.readString(INSTALLED.resolve("node-stderr.log"));
		} catch (IOException e) {
			return "(unreadable: " + e.getMessage() + ")";
		}
	}

	private static boolean commandWorks(String... command) {
		try {
			return new ProcessBuilder(command).start().waitFor() == 0;
		} catch (IOException | InterruptedException e) {
			return false;
		}
	}
}
