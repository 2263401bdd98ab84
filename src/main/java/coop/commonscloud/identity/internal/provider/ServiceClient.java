package coop.commonscloud.identity.internal.provider;

import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/** A machine calling the API with a client-credentials token; acts for the partner that owns it, if any. */
public record ServiceClient(String clientId, UUID partnerId) implements AuthenticatedPrincipal {

	@Override
	public String getName() {
		return "client:" + clientId;
	}
}
