package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.SignInActivity;
import coop.commonscloud.identity.internal.provider.ClientStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What metering reads of sign-ins: the active days, streamed from {@code sign_in_event}, and who runs a client. */
@Component
@RequiredArgsConstructor
class SignInActivityQueries implements SignInActivity {

	private final SignInEventStore events;
	private final ClientStore clients;

	@Override
	@Transactional(readOnly = true) // PostgreSQL streams with a fetch size only inside a transaction
	public void forEachActiveDay(LocalDate from, LocalDate to, ZoneId zone, Consumer<ActiveDay> sink) {
		if (to.isBefore(from)) {
			return;
		}
		events.forEachActiveDay(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), zone,
				sink);
	}

	@Override
	public Optional<ClientOwner> ownerOf(String clientId) {
		return clients.ownerOf(clientId);
	}
}
