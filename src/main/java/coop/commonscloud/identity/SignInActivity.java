package coop.commonscloud.identity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Who signed in to which service on which day: what metering counts active days from, and who
 * owns a client, so a partner can only link its own clients to its offerings.
 */
public interface SignInActivity {

	/**
	 * Streams each distinct (account, client, day) with at least one successful sign-in or token
	 * grant (code exchange or refresh) for that client, for the days {@code from} to {@code to}
	 * inclusive, days counted in {@code zone}. Events without an account or a client are left out.
	 */
	void forEachActiveDay(LocalDate from, LocalDate to, ZoneId zone, Consumer<ActiveDay> sink);

	/** The client's registration, if there is one: whether it exists and which partner runs it. */
	Optional<ClientOwner> ownerOf(String clientId);

	record ActiveDay(UUID accountId, String clientId, LocalDate day) {
	}

	/** {@code partnerId} is null for a client the region itself runs. */
	record ClientOwner(String clientId, UUID partnerId) {
	}
}
