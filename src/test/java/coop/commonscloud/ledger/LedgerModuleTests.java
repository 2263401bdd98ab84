package coop.commonscloud.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import coop.commonscloud.billing.PaymentReceived;
import coop.commonscloud.billing.PaymentRefunded;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The ledger module alone, on the real database: billing's payment events are its only input, so
 * the test publishes them and waits for the postings. {@link Caller} (identity's, not booted here)
 * is mocked as the platform's public API it is.
 */
@ApplicationModuleTest
class LedgerModuleTests {

	@Autowired
	Ledger ledger;
	@MockitoBean
	Caller caller;


	@BeforeEach
	void aSystemCaller() {
		given(caller.actor()).willReturn("ledger-module-test");
	}

	@Test
	void a_payment_received_by_billing_is_posted_to_cash_and_the_unsettled_payments(Scenario scenario) {
		UUID payment = UUID.randomUUID();
		Cause cause = new Cause(Cause.Kind.PAYMENT, payment.toString());

		scenario.publish(new PaymentReceived(payment, UUID.randomUUID(), Money.of(2500, "AUD"), LocalDate.of(2026, 10, 3),
						"manual", "module-" + payment))
				.andWaitForStateChange(() -> ledger.isPosted(cause))
				.andVerify(posted -> assertThat(ledger.netPostings(cause))
						.containsEntry(LedgerAccount.CASH, List.of(Money.of(2500, "AUD")))
						.containsEntry(LedgerAccount.UNSETTLED_PAYMENTS, List.of(Money.of(-2500, "AUD"))));
	}

	@Test
	void a_refund_is_posted_back_from_cash(Scenario scenario) {
		UUID payment = UUID.randomUUID();
		UUID refund = UUID.randomUUID();
		Cause cause = new Cause(Cause.Kind.REFUND, refund.toString());

		scenario.publish(new PaymentRefunded(refund, payment, UUID.randomUUID(), Money.of(700, "AUD"), LocalDate.of(2026, 10, 9),
						"Moved away"))
				.andWaitForStateChange(() -> ledger.isPosted(cause))
				.andVerify(posted -> assertThat(ledger.netPostings(cause))
						.containsEntry(LedgerAccount.CASH, List.of(Money.of(-700, "AUD")))
						.containsEntry(LedgerAccount.UNSETTLED_PAYMENTS, List.of(Money.of(700, "AUD"))));
	}
}
