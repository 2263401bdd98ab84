package coop.commonscloud.identity;

/** The services that sign people in through the region's OpenID Connect provider. */
public interface Clients {

	/** Registers a client; stewards for anyone, partner admins for their own partner. */
	ClientCredentials register(NewClient client);
}
