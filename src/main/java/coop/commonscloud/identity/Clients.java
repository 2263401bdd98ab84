package coop.commonscloud.identity;

import java.util.List;
import java.util.UUID;

/** The services that sign people in through the region's OpenID Connect provider. */
public interface Clients {

	/** Registers a client; stewards for anyone, partner admins for their own partner. */
	ClientCredentials register(NewClient client);

	/** The clients a partner registered, oldest first; stewards and that partner's admins only. */
	List<Client> ofPartner(UUID partner);

	/** The issuer services are configured with: {@code commonscloud.identity.issuer}, else the public URL. */
	String issuer();
}
