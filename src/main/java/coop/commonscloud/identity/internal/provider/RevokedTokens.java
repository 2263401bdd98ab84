package coop.commonscloud.identity.internal.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;

/**
 * The access tokens the API refuses before they expire, without a database round trip per request: a revoked access
 * token (by its {@code jti}), every access token of a revoked family (a person's names its family in its {@code jti},
 * {@link TokenClaims#familyNamedBy}), and every access token of an account issued before its password changed or it
 * left ACTIVE (by {@code sub} and {@code iat}). Held in memory; the revocation code paths of this process add to it at
 * once, before their transaction commits, and record each revocation in {@code token_revocation}, from which every
 * process adds what others recorded every {@code commonscloud.identity.revocations.refresh-interval} (2 s).
 *
 * <p>The times compared are a JWT's {@code iat} and {@code exp}, which Spring Authorization Server sets and Spring
 * Security checks by the system clock, so this uses it too rather than the platform's {@link Clock} bean.
 */
@Component
class RevokedTokens implements OAuth2TokenValidator<Jwt> {

	private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

	/** What a revocation names. */
	enum Kind {
		TOKEN, FAMILY, ACCOUNT
	}

	/** A revocation: for {@link Kind#ACCOUNT}, of the account's tokens issued before {@code revokedAt}. */
	record Revocation(Kind kind, String subject, Instant revokedAt, Instant forgetAfter) {
	}

	/**
	 * How long a family's or an account's revocation is kept: longer than any access token lives here (5 minutes,
	 * {@link ClientService}) plus the clock skew Spring Security allows past its expiry (60 s).
	 */
	static final Duration KEPT = Duration.ofHours(1);

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final AuthorizationStore store;
	private final Clock clock = Clock.systemUTC();

	/** Revoked access tokens by jti, families by id, and accounts by id (each with when it is forgotten). */
	private final Map<Kind, Map<String, Revocation>> revoked = Map.of(Kind.TOKEN, new ConcurrentHashMap<>(),
			Kind.FAMILY, new ConcurrentHashMap<>(), Kind.ACCOUNT, new ConcurrentHashMap<>());

	/** The snapshot xmin of the last read of {@code token_revocation}: rows recorded at or after it are read again. */
	private volatile String readSince = "0";

	RevokedTokens(AuthorizationStore store) {
		this.store = store;
		// everything still kept, before this process answers its first request
		refresh();
	}

	/** Revokes one access token until it expires: {@code /oauth2/revoke} of it. */
	void token(OAuth2Authorization.Token<OAuth2AccessToken> access) {
		Object jti = access.getClaims() == null ? null : access.getClaims().get("jti");
		if (jti == null) {
			return;
		}
		Instant expires = access.getToken().getExpiresAt();
		Instant now = clock.instant();
		record(new Revocation(Kind.TOKEN, jti.toString(), now, (expires == null ? now.plus(KEPT) : expires).plus(CLOCK_SKEW)));
	}

	/** Revokes every access token of a family: its refresh token revoked, reused, or the person disconnected the service. */
	void family(String authorizationId) {
		Instant now = clock.instant();
		record(new Revocation(Kind.FAMILY, authorizationId, now, now.plus(KEPT)));
	}

	/** Revokes every access token issued to the account until now: its password changed, or it left ACTIVE. */
	void account(String accountId) {
		Instant now = clock.instant();
		record(new Revocation(Kind.ACCOUNT, accountId, now, now.plus(KEPT)));
	}

	/** Whether revoking what the authorization holds revokes something the API does not refuse yet. */
	void invalidatedIn(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<?> refresh = authorization.getRefreshToken();
		if (refresh != null && refresh.isInvalidated() && !revoked.get(Kind.FAMILY).containsKey(authorization.getId())) {
			family(authorization.getId());
		}
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		if (access != null && access.isInvalidated() && access.getClaims() != null
				&& !revoked.get(Kind.TOKEN).containsKey(String.valueOf(access.getClaims().get("jti")))) {
			token(access);
		}
	}

	/** In memory first, so this process refuses the token from now on even while the transaction is still open. */
	private void record(Revocation revocation) {
		remember(revocation);
		store.recordRevocation(revocation.kind(), revocation.subject(), revocation.revokedAt(), revocation.forgetAfter());
	}

	private void remember(Revocation revocation) {
		revoked.get(revocation.kind()).merge(revocation.subject(), revocation, (known, added) -> new Revocation(
				known.kind(), known.subject(), later(known.revokedAt(), added.revokedAt()),
				later(known.forgetAfter(), added.forgetAfter())));
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** Adds what other processes recorded since the last read, and forgets what no unexpired token can need. */
	@Scheduled(initialDelayString = "${commonscloud.identity.revocations.refresh-interval:PT2S}",
			fixedDelayString = "${commonscloud.identity.revocations.refresh-interval:PT2S}")
	void refresh() {
		AuthorizationStore.RevocationsRead read;
		try {
			read = store.revocationsSince(readSince);
		} catch (DataAccessException e) {
			// keep refusing what is known; what other processes revoke meanwhile is read once the database answers
			log.warn("Could not read the token revocations of other processes: {}", e.getMessage());
			return;
		}
		read.revocations().forEach(this::remember);
		readSince = read.snapshotXmin();
		Instant now = clock.instant();
		revoked.values().forEach(kind -> kind.values().removeIf(revocation -> revocation.forgetAfter().isBefore(now)));
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		if (token.getId() != null && revoked.get(Kind.TOKEN).containsKey(token.getId())) {
			return refused("This access token was revoked");
		}
		Map<String, Revocation> families = revoked.get(Kind.FAMILY);
		if (!families.isEmpty()) {
			String family = TokenClaims.familyNamedBy(token.getClaims());
			if (family != null && families.containsKey(family)) {
				return refused("This access token's sign-in was revoked (its refresh token was revoked or used twice, "
						+ "or the service was disconnected)");
			}
		}
		Revocation account = token.getSubject() == null ? null : revoked.get(Kind.ACCOUNT).get(token.getSubject());
		// iat has whole seconds: a token of the same second as the revocation is refused too, whichever came first
		if (account != null && (token.getIssuedAt() == null || token.getIssuedAt().isBefore(account.revokedAt()))) {
			return refused("This access token was revoked: its account's password changed or the account was suspended "
					+ "after it was issued");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult refused(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
				description + ": sign in again", null));
	}
}
