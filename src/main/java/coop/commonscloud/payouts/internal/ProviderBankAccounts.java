package coop.commonscloud.payouts.internal;

import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.PartnerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Providers' bank details: read and changed only by the partner's own admins and the stewards. */
@Service
@RequiredArgsConstructor
class ProviderBankAccounts {

	private final BankDetailsStore store;
	private final Partners partners;
	private final Caller caller;
	private final Clock clock;

	@Transactional(readOnly = true)
	Optional<BankDetails> of(UUID partnerId) {
		caller.requireManages(new PartnerId(partnerId));
		return store.find(partnerId);
	}

	@Transactional
	BankDetails save(UUID partnerId, String bsb, String accountNumber, String accountName, String iban, String bic,
			String holder) {
		caller.requireManages(new PartnerId(partnerId));
		partners.get(new PartnerId(partnerId));
		BankDetails details = BankDetails.of(partnerId, bsb, accountNumber, accountName, iban, bic, holder, Instant.now(clock),
				caller.actor());
		store.save(details);
		return store.find(partnerId).orElseThrow();
	}
}
