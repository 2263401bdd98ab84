package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.BankAccount;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings {@code commonscloud.region.bank-details.*}: the account people pay the region into. Settings, not
 * platform parameters, because parameters are numbers with a unit and history, and an account's name and number are
 * neither; they change with the region's bank, not by a vote.
 */
@ConfigurationProperties("commonscloud.region.bank-details")
record BankDetails(String accountName, String bsb, String accountNumber, String bank) {

	/** The account, when its name, BSB and number are all given. */
	Optional<BankAccount> account() {
		if (blank(accountName) || blank(bsb) || blank(accountNumber)) {
			return Optional.empty();
		}
		return Optional.of(new BankAccount(accountName.strip(), bsb.strip(), accountNumber.strip(),
				blank(bank) ? null : bank.strip()));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
