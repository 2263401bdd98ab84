package coop.commonscloud.identity.internal.provider;

import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The services a person signed in to from this site, and taking their access away again. */
@Component
@RequiredArgsConstructor
public class ConnectedServices {

	record ConnectedService(String clientId, String name, int signIns, Instant lastUsed) {
	}

	private final AuthorizationStore store;
	private final RevokedTokens revoked;
	private final BackChannelLogout backChannel;

	public List<ConnectedService> of(String username) {
		return store.connectedServices(username);
	}

	/**
	 * Revokes every token the service holds for this person and forgets what they consented to share; the service is
	 * told by back-channel logout, if it takes them.
	 */
	@Transactional
	public int revoke(String username, String clientId) {
		List<String> families = store.registeredIdOf(clientId).map(registeredId -> {
			backChannel.serviceRevoked(username, registeredId);
			return store.revoke(registeredId, username);
		}).orElse(List.of());
		families.forEach(revoked::family);
		return families.size();
	}
}
