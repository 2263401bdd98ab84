package coop.commonscloud.billing.internal;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.Accounts;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Finds the person a steward names (by username or payment reference), and the signed-in person. */
@Component
@RequiredArgsConstructor
class Payers {

	private final Accounts accounts;
	private final PaymentReferences references;
	private final Caller caller;

	UUID find(String payer) {
		if (payer == null || payer.isBlank()) {
			throw new InvalidInput("Name the payer: their username or their payment reference (CC-XXXX-XXXX)");
		}
		return references.payerIn(payer.strip()).or(() -> accounts.findByUsername(payer.strip()).map(Account::id))
				.orElseThrow(() -> new InvalidInput("No account has the username or payment reference '" + payer.strip() + "'"));
	}

	void requireSteward() {
		caller.requireSteward();
	}

	/** The signed-in person's account id: billing pages only ever show the caller's own plan and payments. */
	UUID signedIn() {
		caller.requireSignedIn();
		return caller.accountId().orElseThrow(() -> new NotFound("Billing is for people with a region account")).value();
	}
}
