package coop.commonscloud.identity;

import java.util.List;

/** A registered service as its partner's admins see it: never its secret. */
public record Client(String clientId, String name, List<String> redirectUris) {

	public Client {
		redirectUris = List.copyOf(redirectUris);
	}
}
