package coop.commonscloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * One core and two sites, each with its own PostgreSQL, on loopback: region data reaches the sites
 * and sign-in events reach the core by logical replication; site B keeps signing people in while
 * the core's database is down, refuses a password change meanwhile, and catches up afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeshIT {

	static final String PASSWORD = "a-long-enough-password";
	static final Duration GENEROUS = Duration.ofSeconds(90);

	MeshCluster mesh;
	MeshCluster.Node core;
	MeshCluster.Node a;
	MeshCluster.Node b;

	@BeforeAll
	void region() throws Exception {
		mesh = new MeshCluster("a", "b").start();
		core = mesh.core;
		a = mesh.site("a");
		b = mesh.site("b");
		mesh.approveAll();
		// the steward's account exists at the sites only by replication from the core
		await("region data reaches both sites").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> a.signsIn("admin", "steward-password-for-tests") && b.signsIn("admin", "steward-password-for-tests"));
	}

	@AfterAll
	void stop() {
		if (mesh != null) {
			mesh.close();
		}
	}

	@Test
	void a_site_signs_people_in_while_cut_off_from_the_core_and_ships_its_sign_ins_afterwards() throws Exception {
		String username = "mesh-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> opened = core.send("POST", "/api/accounts", MeshCluster.STEWARD, "{\"username\":\"" + username
				+ "\",\"displayName\":\"Mesh person\",\"password\":\"" + PASSWORD + "\",\"role\":\"MEMBER\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		await("an account made at the core signs in at site B").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
				.until(() -> b.signsIn(username, PASSWORD));

		HttpResponse<String> registered = core.send("POST", "/api/clients", MeshCluster.STEWARD, "{\"name\":\"Mesh service "
				+ username + "\",\"redirectUris\":[\"https://svc.example.coop/cb\"],\"public\":false,\"firstParty\":true}");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		String clientId = JsonPath.read(registered.body(), "$.client_id");
		String clientSecret = JsonPath.read(registered.body(), "$.client_secret");
		await("the client reaches site B").atMost(GENEROUS)
				.until(() -> b.sql().sql("select count(*) from oauth2_registered_client where client_id = ?").param(clientId)
						.query(Long.class).single() == 1);
		await("site B's key reaches site A").atMost(GENEROUS)
				.until(() -> a.send("GET", "/oauth2/jwks", null, null).body().contains("\"kid\":\"b-"));

		long beforeOutage = signInsOf(b, username);
		// the core's database goes down
		core.stopDatabase();
		await("site B notices it is cut off").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> JsonPath.read(b.send("GET", "/api/mesh", null, null).body(), "$.mode").equals("isolated"));

		for (int i = 0; i < 3; i++) {
			assertThat(b.signsIn(username, PASSWORD)).as("sign-in %d at B while the core is down", i).isTrue();
		}
		assertThat(b.signsIn(username, "not-the-password")).isFalse();

		String token = clientCredentialsToken(b, clientId, clientSecret);
		NimbusJwtDecoder resourceServer = resourceServerKnowingOnly(a);
		Jwt verified = resourceServer.decode(token);
		assertThat(verified.getIssuer().toString()).isEqualTo(mesh.issuer());
		assertThat(verified.getHeaders().get("kid").toString()).startsWith("b-");

		String page = b.changePassword(username, PASSWORD, "a-different-long-password");
		assertThat(page).contains("This site is cut off from the region core; password changes resume when it reconnects");
		assertThat(b.signsIn(username, PASSWORD)).isTrue();
		assertThat(b.signsIn(username, "a-different-long-password")).isFalse();
		String hashAtB = b.sql().sql("select password_hash from account where username = ?").param(username).query(String.class).single();

		// recorded at B meanwhile: the wrong password, the form sign-in, the refused new password
		long atB = signInsOf(b, username);
		assertThat(atB - beforeOutage).isEqualTo(3);

		// the core's database comes back on the same data directory and port
		core.startDatabase();
		await("the sign-ins B recorded during the outage reach the core").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> signInsOf(core, username) == atB);
		assertThat(core.sql().sql("select password_hash from account where username = ?").param(username).query(String.class)
				.single()).isEqualTo(hashAtB);

		// reconnecting again delivers nothing twice: B drops the core's replication connection
		b.sql().sql("select pg_terminate_backend(pid) from pg_stat_replication where application_name = 'commonscloud_site_b'")
				.query().listOfRows();
		assertThat(b.signsIn(username, "not-the-password-either")).isFalse();
		long afterReconnect = signInsOf(b, username);
		assertThat(afterReconnect).isEqualTo(atB + 1);
		await("sign-ins after a reconnect arrive once").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> signInsOf(core, username) == afterReconnect);
		assertThat(core.sql().sql("select count(*) - count(distinct id) from sign_in_event where site = 'b'").query(Long.class)
				.single()).isZero();

		await("site B's lag returns to about zero").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> b.lagMetric("b") < 3.0);
		await("the core sees site B's data current again").atMost(GENEROUS).pollInterval(Duration.ofMillis(500))
				.until(() -> core.lagMetric("b") < 3.0);
		assertThat((String) JsonPath.read(b.send("GET", "/api/mesh", null, null).body(), "$.mode")).isEqualTo("connected");

		// at a site the database itself refuses region writes that do not come from the core
		assertThatThrownBy(() -> b.sql().sql("update account set display_name = 'changed at B' where username = ?")
				.param(username).update()).hasMessageContaining("region data is written at the region core");

		// connected again, a password change made at B is applied at the core and comes back by replication
		String changed = b.changePassword(username, PASSWORD, "a-different-long-password");
		assertThat(changed).doesNotContain("password-problem");
		await("the new password, changed at the core, reaches B").atMost(GENEROUS).pollInterval(Duration.ofMillis(300))
				.until(() -> b.signsIn(username, "a-different-long-password"));
		assertThat(core.signsIn(username, "a-different-long-password")).isTrue();
		assertThat(b.signsIn(username, PASSWORD)).isFalse();
	}

	@Test
	void a_region_table_added_by_a_migration_is_replicated_with_no_code_change() {
		String id = UUID.randomUUID().toString();
		core.sql().sql("insert into mesh_probe (id, note) values (?, 'written at the core')").param(id).update();
		await("the new region table's row reaches site A").atMost(GENEROUS).pollInterval(Duration.ofMillis(300))
				.until(() -> a.sql().sql("select count(*) from mesh_probe where id = ?").param(id).query(Long.class).single() == 1);
		// the seed row is the core's, replicated; the site's own seeded copy was emptied when it joined
		assertThat(a.sql().sql("select count(*) from mesh_probe where id = 'seed'").query(Long.class).single()).isEqualTo(1);
	}

	private static long signInsOf(MeshCluster.Node node, String username) {
		return node.sql().sql("select count(*) from sign_in_event where site = 'b' and username = ?").param(username)
				.query(Long.class).single();
	}

	private static String clientCredentialsToken(MeshCluster.Node node, String clientId, String secret) throws Exception {
		java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + "/oauth2/token"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build();
		HttpResponse<String> response = node.http().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	/** A resource server that knows only site A's discovery document, and checks the region's issuer. */
	private NimbusJwtDecoder resourceServerKnowingOnly(MeshCluster.Node site) {
		String discovery = site.send("GET", "/.well-known/openid-configuration", null, null).body();
		assertThat((String) JsonPath.read(discovery, "$.issuer")).isEqualTo(mesh.issuer());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(JsonPath.read(discovery, "$.jwks_uri"))
				.jwsAlgorithm(SignatureAlgorithm.ES256)
				.jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
						new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
				.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(mesh.issuer()),
				new JwtTypeValidator("at+jwt")));
		return decoder;
	}
}
