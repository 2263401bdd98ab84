package coop.commonscloud.mesh;

import coop.commonscloud.CommonsCloudApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A region's mesh on loopback for tests: per node an embedded PostgreSQL (logical WAL) with its own
 * data directory and port, and an application context with its own HTTP port and key files. All
 * nodes share the region's issuer, which (as split-horizon DNS would for people at site A) names site A.
 *
 * <p>Each node's database is set up as an operator sets up an external PostgreSQL for a node
 * (docs/architecture.md, "External PostgreSQL: roles"): the application and the other nodes' subscriptions
 * sign in as {@value #ROLE}, which owns the tables but is no superuser, with a SCRAM password; only the tests'
 * own look into a node's database ({@link Node#sql()}) use the superuser.
 */
final class MeshCluster implements AutoCloseable {

	static final String NODE_SECRET = "node-secret-for-the-mesh-tests";
	static final String STEWARD = "admin:steward-password-for-tests";
	static final String ROLE = "commonscloud";
	static final String ROLE_PASSWORD = "database-password-for-the-mesh-tests";

	/**
	 * A subscription owned by a role that is no superuser must sign in with a password the publisher asks for
	 * ({@code password_required}), so the application role has no {@code trust} line; the superuser keeps one
	 * for the tests' look into the database and the library's own start-up check.
	 */
	private static final String HOST_BASED_AUTHENTICATION = """
			local   all  postgres                    trust
			host    all  postgres      127.0.0.1/32  trust
			host    all  postgres      ::1/128       trust
			host    all  commonscloud  127.0.0.1/32  scram-sha-256
			host    all  commonscloud  ::1/128       scram-sha-256
			""";

	/** docs/architecture.md, "External PostgreSQL: roles", for the database {@code postgres}. */
	private static final List<String> ROLE_SETUP = List.of(
			"create role commonscloud login nosuperuser replication password '" + ROLE_PASSWORD + "'",
			"grant pg_create_subscription to commonscloud",
			"grant set on parameter session_replication_role to commonscloud",
			"alter database postgres owner to commonscloud",
			"alter schema public owner to commonscloud");

	final class Node {
		final String name;
		final String role;
		final Path dataDir;
		final int pgPort;
		final int httpPort;
		EmbeddedPostgres postgres;
		ConfigurableApplicationContext app;

		Node(String name, String role) throws IOException {
			this.name = name;
			this.role = role;
			this.dataDir = Files.createTempDirectory("mesh-" + name + "-pg");
			this.pgPort = freePort();
			this.httpPort = freePort();
		}

		void startDatabase() throws IOException {
			postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(dataDir).setCleanDataDirectory(false)
					.setRegisterShutdownHook(true).setServerConfig("wal_level", "logical")
					.setServerConfig("max_connections", "120").setServerConfig("wal_sender_timeout", "10s")
					.setServerConfig("wal_retrieve_retry_interval", "1s")
					.setDataDirectoryCustomizer(data -> {
						try {
							Files.writeString(data.toPath().resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION);
						} catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					})
					.start();
			JdbcClient superuser = sql();
			if (superuser.sql("select count(*) from pg_roles where rolname = ?").param(ROLE).query(Long.class).single() == 0) {
				ROLE_SETUP.forEach(statement -> superuser.sql(statement).update());
			}
		}

		void stopDatabase() throws IOException {
			postgres.close();
		}

		String conninfo() {
			return "host=127.0.0.1 port=" + pgPort + " dbname=postgres user=" + ROLE + " password=" + ROLE_PASSWORD;
		}

		String base() {
			return "http://127.0.0.1:" + httpPort;
		}

		HttpClient http() {
			return http;
		}

		/** As the superuser: for the tests' look into the node's database, never the application's. */
		JdbcClient sql() {
			return JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", ""));
		}

		void startApplication() {
			List<String> args = new ArrayList<>(List.of(
					"--server.port=" + httpPort,
					"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
					"--spring.datasource.username=" + ROLE,
					"--spring.datasource.password=" + ROLE_PASSWORD,
					"--spring.datasource.hikari.maximum-pool-size=6",
					"--spring.datasource.hikari.connection-timeout=3000",
					"--spring.flyway.locations=classpath:db/migration,classpath:db/mesh-test",
					"--commonscloud.site.name=" + name,
					"--commonscloud.mesh.role=" + role,
					"--commonscloud.mesh.node-secret=" + NODE_SECRET,
					"--commonscloud.mesh.heartbeat-interval=PT1S",
					"--commonscloud.mesh.isolated-after=PT4S",
					// each node has its own address; the issuer is the region's one, the same at every node
					"--commonscloud.public-url=" + base(),
					"--commonscloud.identity.issuer=" + issuer(),
					"--commonscloud.identity.signing-key.check-interval=PT1S",
					"--spring.jmx.enabled=false",
					"--logging.level.coop.commonscloud=INFO"));
			if (!"core".equals(role)) {
				args.add("--commonscloud.mesh.core-url=" + core.base());
				args.add("--commonscloud.mesh.core-database=" + core.conninfo());
				args.add("--commonscloud.mesh.site-database=" + conninfo());
			}
			app = new SpringApplicationBuilder(CommonsCloudApplication.class).run(args.toArray(String[]::new));
		}

		HttpResponse<String> send(String method, String path, String credentials, String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
					.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			if (credentials != null) {
				request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			try {
				return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		/** A password sign-in (HTTP Basic on a public endpoint, which still checks the password). */
		boolean signsIn(String username, String password) {
			try {
				return send("GET", "/api/mesh", username + ":" + password, null).statusCode() == 200;
			} catch (UncheckedIOException unreachable) {
				return false;
			}
		}

		/** Signs in with the login form, then changes the password on the account page; answers that page. */
		String changePassword(String username, String current, String changed) throws Exception {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
					.followRedirects(HttpClient.Redirect.NORMAL).build();
			String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			HttpResponse<String> signedIn = browser.send(form("/login", Map.of("username", username, "password", current,
					"_csrf", csrf(login, "/login"))), HttpResponse.BodyHandlers.ofString());
			String account = browser.send(HttpRequest.newBuilder(URI.create(base() + "/account")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			if (!signedIn.uri().getPath().startsWith("/manage") && !account.contains("/account/password")) {
				throw new IllegalStateException("Could not sign in at " + name + ": " + signedIn.uri());
			}
			return browser.send(form("/account/password", Map.of("current", current, "password", changed,
					"repeated", changed, "_csrf", csrf(account, "/account/password"))), HttpResponse.BodyHandlers.ofString()).body();
		}

		private HttpRequest form(String path, Map<String, String> fields) {
			String body = fields.entrySet().stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		}

		private static String csrf(String page, String action) {
			return Jsoup.parse(page).select("form[action=" + action + "] input[name=_csrf]").attr("value");
		}

		/** The value of the lag gauge for a site in this node's Prometheus scrape, NaN when absent. */
		double lagMetric(String site) {
			String scrape = send("GET", "/actuator/prometheus", STEWARD, null).body();
			return scrape.lines().filter(line -> line.startsWith("commonscloud_mesh_replication_lag_seconds{")
							&& line.contains("site=\"" + site + "\""))
					.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
		}

		void close() {
			if (app != null) {
				app.close();
			}
			try {
				if (postgres != null) {
					postgres.close();
				}
			} catch (IOException e) {
				// best effort at the end of a test
			}
		}
	}

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	final Node core;
	final List<Node> sites = new ArrayList<>();

	MeshCluster(String... siteNames) throws IOException {
		core = new Node("core", "core");
		for (String site : siteNames) {
			sites.add(new Node(site, "site"));
		}
	}

	Node site(String name) {
		return sites.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
	}

	/** The region's issuer: the first site's address, as people at that site would reach the provider. */
	String issuer() {
		return sites.isEmpty() ? core.base() : sites.get(0).base();
	}

	/**
	 * Starts every database side by side, then the nodes one after another, core first: Spring Boot's
	 * logging set-up is JVM-wide and races when several applications start at once in one JVM.
	 */
	MeshCluster start() throws Exception {
		List<Node> all = new ArrayList<>(sites);
		all.add(0, core);
		inParallel(all, Node::startDatabase);
		for (Node node : all) {
			node.startApplication();
		}
		return this;
	}

	private interface Step {
		void run(Node node) throws Exception;
	}

	private static void inParallel(List<Node> nodes, Step step) throws InterruptedException {
		List<Thread> running = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (Node node : nodes) {
			Thread thread = new Thread(() -> {
				try {
					step.run(node);
				} catch (Throwable e) {
					failures.add(e);
				}
			}, "start-" + node.name);
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A node did not start", failures.get(0));
		}
	}

	/** A steward at the core approves every site once it has asked to join. */
	void approveAll() {
		for (Node site : sites) {
			org.awaitility.Awaitility.await("site " + site.name + " asks to join").atMost(Duration.ofSeconds(60))
					.until(() -> core.send("GET", "/api/mesh/sites", STEWARD, null).body().contains("\"name\":\"" + site.name + "\""));
			HttpResponse<String> approved = core.send("POST", "/api/mesh/sites/" + site.name + "/approve", STEWARD, null);
			if (approved.statusCode() != 200) {
				throw new IllegalStateException("Approving " + site.name + ": " + approved.statusCode() + " " + approved.body());
			}
		}
	}

	@Override
	public void close() {
		for (Node site : sites) {
			site.close();
		}
		core.close();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
