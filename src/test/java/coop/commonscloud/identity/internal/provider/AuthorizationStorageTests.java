package coop.commonscloud.identity.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The provider's own storage of authorizations ({@link JdbcAuthorizations}, {@link ParsedAttributes}):
 * a first save inserts, a later one updates in place, and what is read back, attributes included,
 * is what the row holds now, in PostgreSQL.
 */
@SpringBootTest
class AuthorizationStorageTests {

	@Autowired
	OAuth2AuthorizationService authorizations;
	@Autowired
	RegisteredClientRepository clients;
	@Autowired
	JdbcClient jdbc;

	@Test
	void an_authorization_is_inserted_then_updated_in_place_and_reads_back_with_its_principal() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString()).clientId("storage-" + suffix)
				.clientSecret(new ClientSecretHasher().encode("secret"))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://127.0.0.1/callback").scope("openid").build();
		clients.save(client);
		Authentication principal = UsernamePasswordAuthenticationToken.authenticated("person-" + suffix, null,
				List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		OAuth2Authorization first = OAuth2Authorization.withRegisteredClient(client).id(UUID.randomUUID().toString())
				.principalName(principal.getName()).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizedScopes(Set.of("openid")).attribute(Principal.class.getName(), principal)
				.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1-" + suffix, now,
						now.plusSeconds(300), Set.of("openid")))
				.refreshToken(new OAuth2RefreshToken("refresh-1-" + suffix, now, now.plusSeconds(3600))).build();

		authorizations.save(first);
		OAuth2Authorization rotated = OAuth2Authorization.from(first)
				.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-2-" + suffix, now,
						now.plusSeconds(300), Set.of("openid")))
				.refreshToken(new OAuth2RefreshToken("refresh-2-" + suffix, now, now.plusSeconds(3600))).build();
		authorizations.save(rotated);

		assertThat(jdbc.sql("select count(*) from oauth2_authorization where id = :id").param("id", first.getId())
				.query(Long.class).single()).isEqualTo(1);
		assertThat(authorizations.findByToken("refresh-2-" + suffix, OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
		for (int read = 0; read < 2; read++) { // the second read parses nothing new
			OAuth2Authorization found = authorizations.findByToken("access-2-" + suffix, OAuth2TokenType.ACCESS_TOKEN);
			assertThat(found.getId()).isEqualTo(first.getId());
			assertThat(found.getRefreshToken().getToken().getTokenValue()).isEqualTo("refresh-2-" + suffix);
			Authentication readBack = found.getAttribute(Principal.class.getName());
			assertThat(readBack.getName()).isEqualTo("person-" + suffix);
			assertThat(readBack.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MEMBER");
		}

		// changed in the database behind the provider's back: the next read says so
		jdbc.sql("update oauth2_authorization set attributes = replace(attributes, :old, :new) where id = :id")
				.param("old", "person-" + suffix).param("new", "renamed-" + suffix).param("id", first.getId()).update();
		Authentication changed = authorizations.findById(first.getId()).getAttribute(Principal.class.getName());
		assertThat(changed.getName()).isEqualTo("renamed-" + suffix);

		// a rotation of what was just read keeps the stored attributes without writing them again
		OAuth2Authorization read = authorizations.findByToken("refresh-2-" + suffix, OAuth2TokenType.REFRESH_TOKEN);
		authorizations.save(OAuth2Authorization.from(read)
				.refreshToken(new OAuth2RefreshToken("refresh-3-" + suffix, now, now.plusSeconds(3600))).build());
		OAuth2Authorization third = authorizations.findByToken("refresh-3-" + suffix, OAuth2TokenType.REFRESH_TOKEN);
		assertThat(third.getAccessToken().getToken().getTokenValue()).isEqualTo("access-2-" + suffix);
		assertThat(((Authentication) third.getAttribute(Principal.class.getName())).getName()).isEqualTo("renamed-" + suffix);

		// one that changes the attributes writes them
		authorizations.save(OAuth2Authorization.from(third).attribute("marker", "added-" + suffix)
				.refreshToken(new OAuth2RefreshToken("refresh-4-" + suffix, now, now.plusSeconds(3600))).build());
		assertThat(jdbc.sql("select attributes from oauth2_authorization where id = :id").param("id", first.getId())
				.query(String.class).single()).contains("added-" + suffix).contains("renamed-" + suffix);
		OAuth2Authorization fourth = authorizations.findByToken("refresh-4-" + suffix, OAuth2TokenType.REFRESH_TOKEN);
		assertThat((String) fourth.getAttribute("marker")).isEqualTo("added-" + suffix);
	}
}
