package coop.commonscloud.identity;

import java.util.UUID;

/** A registered client as answered once at registration: the secret is shown here and never again. */
public record ClientCredentials(String clientId, String clientSecret, String name, boolean publicClient,
		boolean firstParty, UUID partnerId) {
}
