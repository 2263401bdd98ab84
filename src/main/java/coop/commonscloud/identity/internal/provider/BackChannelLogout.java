package coop.commonscloud.identity.internal.provider;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import coop.commonscloud.identity.NewClient;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a person signs out at the region, every service that signed them in
 * and registered a back-channel logout URI is to be sent a logout token. This appends those logouts to the outbox
 * ({@code backchannel_logout}, in the caller's transaction); {@link LogoutDeliveries} delivers them. Which services:
 * those with an authorization of the person that holds an ID token, whose {@code sub} and {@code sid} (Spring
 * Authorization Server's hash of the browser session) the logout token repeats.
 */
@Component
@RequiredArgsConstructor
public class BackChannelLogout {

	static final String URI_SETTING = "backchannel_logout_uri";
	static final String SESSION_REQUIRED_SETTING = "backchannel_logout_session_required";

	/** Where a service takes logout tokens, and whether it needs each to name the session. */
	record Receiver(String uri, boolean sessionRequired) {
	}

	/** A service's session for a person, as its ID token names it ({@code sid} null when it names none). */
	record SignedInSession(String registeredClientId, String subject, String sessionId) {
	}

	private final BackChannelLogoutStore store;
	private final RegisteredClientRepository clients;
	private final Clock clock;

	static ClientSettings.Builder settings(NewClient request, ClientSettings.Builder settings) {
		if (request.backchannelLogoutUri() != null) {
			settings.setting(URI_SETTING, request.backchannelLogoutUri())
					.setting(SESSION_REQUIRED_SETTING, request.backchannelLogoutSessionRequired());
		}
		return settings;
	}

	static Optional<Receiver> receiverOf(RegisteredClient client) {
		Object uri = client.getClientSettings().getSetting(URI_SETTING);
		if (!(uri instanceof String text) || text.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new Receiver(text, Boolean.TRUE.equals(client.getClientSettings().getSetting(SESSION_REQUIRED_SETTING))));
	}

	/** The person signed out of one browser session: the services signed in through it are told. */
	public void sessionEnded(String username, String browserSessionId) {
		String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(RefreshTokenFamilies.hash(browserSessionId));
		tell(store.sessionsOf(username, null), session -> sid.equals(session.sessionId()));
	}

	/** Everything issued to the person is being revoked (they left ACTIVE, or their password changed): all are told. */
	public void signedOutEverywhere(String username) {
		tell(store.sessionsOf(username, null), session -> true);
	}

	/** The person revoked one service: it is told of every session it has for them. */
	void serviceRevoked(String username, String registeredClientId) {
		tell(store.sessionsOf(username, registeredClientId), session -> true);
	}

	private void tell(Iterable<BackChannelLogoutStore.IdTokenRow> rows, Predicate<SignedInSession> which) {
		Set<SignedInSession> sessions = new LinkedHashSet<>();
		for (BackChannelLogoutStore.IdTokenRow row : rows) {
			SignedInSession session = session(row);
			if (session != null && which.test(session)) {
				sessions.add(session);
			}
		}
		for (SignedInSession session : sessions) {
			RegisteredClient client = clients.findById(session.registeredClientId());
			Optional<Receiver> receiver = client == null ? Optional.empty() : receiverOf(client);
			// a service that needs sid cannot act on a logout token without one: it is sent none
			if (receiver.isPresent() && (session.sessionId() != null || !receiver.get().sessionRequired())) {
				store.append(UUID.randomUUID(), client.getId(), client.getClientId(), receiver.get().uri(),
						session.subject(), session.sessionId(), clock.instant());
			}
		}
	}

	/** The subject and session an ID token this provider issued names; it was verified when it was minted here. */
	private static SignedInSession session(BackChannelLogoutStore.IdTokenRow row) {
		try {
			JWTClaimsSet claims = SignedJWT.parse(row.idToken()).getJWTClaimsSet();
			if (claims.getSubject() == null) {
				return null;
			}
			return new SignedInSession(row.registeredClientId(), claims.getSubject(), claims.getStringClaim("sid"));
		} catch (ParseException e) {
			return null;
		}
	}
}
