package coop.commonscloud.identity.internal.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;

/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0, section 2.4), signed as the ID tokens are (ES256, this
 * site's current key, published in the JWKS), of type {@code logout+jwt}, with no {@code nonce}. Each is signed at
 * its delivery attempt and lives two minutes: a service checks {@code exp}, and a retry hours later needs a fresh one.
 * The {@code jti} is the outbox row's, the same at every attempt, since it is the same logout.
 */
@Component
@RequiredArgsConstructor
class LogoutTokens {

	static final String TYPE = "logout+jwt";
	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
	static final Duration LIFETIME = Duration.ofMinutes(2);

	private final JwtEncoder encoder;
	private final AuthorizationServerSettings settings;

	String sign(BackChannelLogoutStore.Due logout, Instant now) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
				.issuer(settings.getIssuer())
				.audience(List.of(logout.clientId()))
				.issuedAt(now)
				.expiresAt(now.plus(LIFETIME))
				.id(logout.id().toString())
				.subject(logout.subject())
				.claim("events", Map.of(EVENT, Map.of()));
		if (logout.sessionId() != null) {
			claims.claim("sid", logout.sessionId());
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type(TYPE).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}
}
