package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.internal.AuthorizationCodeFlow;
import coop.commonscloud.identity.internal.Browser;
import coop.commonscloud.identity.internal.LoginPageStub;
import coop.commonscloud.identity.internal.Pkce;
import coop.commonscloud.identity.internal.StewardCalls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How tokens are kept in PostgreSQL ({@link JdbcAuthorizations}, {@link ExpiredAuthorizations}): access and refresh
 * tokens found through their hashes, with or without a type hint; a refresh grant's row updated in place; and what
 * has expired, forgotten.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LoginPageStub.class)
class TokenStorageTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ExpiredAuthorizations expired;

	StewardCalls region;
	AuthorizationCodeFlow flow;
	StewardCalls.Client service;
	String username;

	@BeforeEach
	void a_service_and_a_member() {
		region = new StewardCalls("http://127.0.0.1:" + port);
		flow = new AuthorizationCodeFlow(region);
		service = region.client(StewardCalls.unique("Wiki"), List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		username = StewardCalls.unique("stored");
		region.member(username);
	}

	private Map<String, Object> signIn() {
		Pkce pkce = Pkce.fresh();
		HttpResponse<String> tokens = flow.exchange(service, flow.code(new Browser(), service, pkce, username),
				AuthorizationCodeFlow.REDIRECT, pkce.verifier());
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return JsonPath.read(tokens.body(), "$");
	}

	private boolean active(String token) {
		return JsonPath.read(region.clientPost("/oauth2/introspect", service, Map.of("token", token)).body(), "$.active");
	}

	@Test
	void tokens_are_found_without_a_type_hint_and_revoked_by_it() throws Exception {
		Map<String, Object> first = signIn();
		String access = (String) first.get("access_token");
		String refresh = (String) first.get("refresh_token");
		assertThat(active(access)).isTrue();
		assertThat(active(refresh)).isTrue();
		assertThat(active(access + "x")).isFalse();
		// a person's access token names its family in its jti, and is found through it; a machine's, by its hash
		assertThat(SignedJWT.parse(access).getJWTClaimsSet().getJWTID()).startsWith(familyOf(refresh) + ".");
		HttpResponse<String> machine = region.token(service, Map.of("grant_type", "client_credentials"));
		assertThat(machine.statusCode()).as(machine.body()).isEqualTo(200);
		String machineToken = JsonPath.read(machine.body(), "$.access_token");
		assertThat(active(machineToken)).isTrue();
		assertThat(jdbc.sql("select count(*) from issued_token where token_hash = :hash and kind = 'ACCESS'")
				.param("hash", RefreshTokenFamilies.hash(machineToken)).query(Long.class).single()).isOne();

		// revoking the access token, with no hint, leaves the refresh token alone
		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", access)).statusCode()).isEqualTo(200);
		assertThat(active(access)).isFalse();
		assertThat(active(refresh)).isTrue();

		// revoking the refresh token, with no hint, ends the family's refreshes
		Map<String, Object> second = signIn();
		String secondRefresh = (String) second.get("refresh_token");
		assertThat(region.clientPost("/oauth2/revoke", service, Map.of("token", secondRefresh)).statusCode())
				.isEqualTo(200);
		assertThat(active(secondRefresh)).isFalse();
		assertThat(flow.refresh(service, secondRefresh).statusCode()).isEqualTo(400);
	}

	@Test
	void a_refresh_grant_updates_its_row_in_place() throws InterruptedException {
		String refresh = (String) signIn().get("refresh_token");
		long[] before = updates();
		int refreshes = 30;
		for (int i = 0; i < refreshes; i++) {
			HttpResponse<String> refreshed = flow.refresh(service, refresh);
			assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
			refresh = JsonPath.read(refreshed.body(), "$.refresh_token");
		}
		// each server process reports its counts to the statistics within seconds of going idle
		long[] after = updates();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (after[1] - before[1] < refreshes && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			after = updates();
		}
		long updated = after[0] - before[0];
		long inPlace = after[1] - before[1];
		assertThat(updated).isGreaterThanOrEqualTo(refreshes);
		// heap-only tuples: no index entry written; a page that has no room yet may take an update elsewhere (the
		// counts may also hold other tests' updates, reported late: they only add, and are far fewer than these)
		assertThat(inPlace).as("%d of %d updates heap-only", inPlace, updated).isGreaterThanOrEqualTo(refreshes - 2);
	}

	private long[] updates() {
		return jdbc.sql("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'oauth2_authorization'")
				.query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
	}

	@Test
	void what_has_expired_is_forgotten_and_what_is_current_is_kept() throws Exception {
		Map<String, Object> current = signIn();
		String replacedAccess = (String) current.get("access_token");
		HttpResponse<String> refreshed = flow.refresh(service, (String) current.get("refresh_token"));
		String currentAccess = JsonPath.read(refreshed.body(), "$.access_token");
		String currentRefresh = JsonPath.read(refreshed.body(), "$.refresh_token");
		Map<String, Object> old = signIn();
		String oldFamily = familyOf((String) old.get("refresh_token"));
		String currentFamily = familyOf(currentRefresh);

		// a person's access tokens name their family in their jti and leave no hash; an access token's hash, as tokens
		// issued before that left them, is forgotten once it is neither current nor valid
		assertThat(count("select count(*) from issued_token where authorization_id = :id and kind = 'ACCESS'",
				currentFamily)).isZero();
		jdbc.sql("insert into issued_token (token_hash, kind, authorization_id, issued_at) values "
				+ "(sha256(convert_to(:old, 'UTF8')), 'ACCESS', :id, now()), "
				+ "(sha256(convert_to(:current, 'UTF8')), 'ACCESS', :id, now())")
				.param("old", replacedAccess).param("current", currentAccess).param("id", currentFamily).update();
		// both families' tokens were issued two hours ago; the old family's also expired then
		jdbc.sql("update issued_token set issued_at = now() - interval '2 hours' where authorization_id in (:a, :b)")
				.param("a", oldFamily).param("b", currentFamily).update();
		jdbc.sql("update oauth2_authorization set authorization_code_expires_at = now() - interval '2 hours', "
				+ "access_token_expires_at = now() - interval '2 hours', refresh_token_expires_at = now() - interval '2 hours' "
				+ "where id = :id").param("id", oldFamily).update();

		assertThat(expired.forgetAuthorizations()).isGreaterThanOrEqualTo(1);
		expired.forgetAccessTokens();

		assertThat(count("select count(*) from oauth2_authorization where id = :id", oldFamily)).isZero();
		assertThat(count("select count(*) from issued_token where authorization_id = :id", oldFamily)).isZero();
		assertThat(count("select count(*) from oauth2_authorization where id = :id", currentFamily)).isOne();
		// the replaced access token's hash is gone, the current one's and every refresh token's kept; both tokens are
		// found through the family their jti names, whatever hashes there are
		assertThat(count("select count(*) from issued_token where authorization_id = :id and kind = 'ACCESS'",
				currentFamily)).isOne();
		assertThat(count("select count(*) from issued_token where authorization_id = :id and kind = 'REFRESH'",
				currentFamily)).isEqualTo(2);
		assertThat(active(replacedAccess)).isFalse();
		assertThat(active(currentAccess)).isTrue();
		assertThat(flow.refresh(service, currentRefresh).statusCode()).isEqualTo(200);
		assertThat(flow.refresh(service, (String) old.get("refresh_token")).statusCode()).isEqualTo(400);
	}

	private String familyOf(String refreshToken) {
		return jdbc.sql("select authorization_id from issued_token where token_hash = :hash")
				.param("hash", RefreshTokenFamilies.hash(refreshToken)).query(String.class).single();
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}
}
