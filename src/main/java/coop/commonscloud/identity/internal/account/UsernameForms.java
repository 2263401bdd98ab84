package coop.commonscloud.identity.internal.account;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start-up, gives accounts opened before look-alike protection their canonical username and skeleton. */
@Component
@Order(-1)
class UsernameForms implements ApplicationRunner {

	private final AccountStore store;

	UsernameForms(AccountStore store) {
		this.store = store;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		store.fillUsernameForms();
	}
}
