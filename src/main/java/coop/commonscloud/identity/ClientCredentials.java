package coop.commonscloud.identity;

import java.util.UUID;

/**
 * A registered client as answered once at registration: the secret is shown here and never again. The back-channel
 * logout URI is null when the service is told of no logout by back-channel.
 */
public record ClientCredentials(String clientId, String clientSecret, String name, boolean publicClient,
		boolean firstParty, UUID partnerId, String backchannelLogoutUri, boolean backchannelLogoutSessionRequired) {

	/** A client told of no logout by back-channel. */
	public ClientCredentials(String clientId, String clientSecret, String name, boolean publicClient, boolean firstParty,
			UUID partnerId) {
		this(clientId, clientSecret, name, publicClient, firstParty, partnerId, null, false);
	}
}
