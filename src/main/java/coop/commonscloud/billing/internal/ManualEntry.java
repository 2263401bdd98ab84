package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.IncomingPayment;
import coop.commonscloud.billing.PaymentIntake;
import coop.commonscloud.billing.PaymentSource;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steward's manual entry: cash handed over, or a bank transfer the steward saw on the account.
 * The reference is the receipt number or the bank's transaction id, so entering it twice records
 * it once.
 */
@Component
class ManualEntry implements PaymentSource {

	enum Method {
		CASH("cash"), BANK_TRANSFER("bank transfer");

		final String label;

		Method(String label) {
			this.label = label;
		}
	}

	private final PaymentIntake intake;
	private final Payers payers;
	private final Caller caller;
	private final String currency;

	ManualEntry(PaymentIntake intake, Payers payers, Caller caller, @Value("${commonscloud.billing.currency:AUD}") String currency) {
		this.intake = intake;
		this.payers = payers;
		this.caller = caller;
		this.currency = currency;
	}

	@Override
	public String name() {
		return "manual";
	}

	/** {@code payer} is the person's username or their payment reference. */
	@Transactional
	PaymentIntake.Outcome record(String payer, String amount, LocalDate receivedOn, String method, String reference,
			String note) {
		caller.requireSteward();
		Method how;
		try {
			how = Method.valueOf(method == null ? "" : method.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Choose how it was paid: CASH or BANK_TRANSFER");
		}
		UUID person = payers.find(payer);
		Money money = Money.parse(amount == null ? "" : amount, currency);
		return intake.receive(this, new IncomingPayment(person, money, receivedOn, reference, how.label, note));
	}
}
