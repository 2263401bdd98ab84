package coop.commonscloud.identity.internal.account;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start-up, gives accounts opened before look-alike protection their canonical username and skeleton. */
@Component
@Order(-1)
@RequiredArgsConstructor
class UsernameForms implements ApplicationRunner {

	private final AccountStore store;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		store.fillUsernameForms();
	}
}
