package coop.commonscloud.portability.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PersonalData;
import coop.commonscloud.platform.PersonalData.Person;
import coop.commonscloud.portability.AccountLeft;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person closes their own account: after they typed their username, every module forgets them
 * in one transaction, the account's own module last (it ends the sessions and tokens and overwrites
 * the name the others still look them up by).
 */
@Component
@RequiredArgsConstructor
class Leaving {

	private final List<PersonalData> modules;
	private final PersonalExport export;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	/** Checks the typed confirmation before anything changes. */
	static void requireConfirmation(Person person, String typed) {
		if (typed == null || typed.isBlank()) {
			throw new InvalidInput("To close your account, type your username ('" + person.username() + "') to confirm");
		}
		if (!typed.strip().toLowerCase(Locale.ROOT).equals(person.username().toLowerCase(Locale.ROOT))) {
			throw new InvalidInput("'" + typed.strip() + "' is not your username: type '" + person.username()
					+ "' to close your account");
		}
	}

	@Transactional
	Person leave(String confirmation) {
		Person person = export.callingPerson();
		requireConfirmation(person, confirmation);
		modules.stream().sorted(Comparator.comparing(PersonalData::closesTheAccount))
				.forEach(module -> module.forget(person));
		events.publishEvent(new AccountLeft(person.account(), clock.instant()));
		return person;
	}
}
