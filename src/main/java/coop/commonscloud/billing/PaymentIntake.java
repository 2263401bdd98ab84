package coop.commonscloud.billing;

import java.util.UUID;

/** Records payments that a {@link PaymentSource} received, once per source and reference. */
public interface PaymentIntake {

	/** Records the payment and publishes {@link PaymentReceived}, unless this source already recorded its reference. */
	Outcome receive(PaymentSource source, IncomingPayment payment);

	sealed interface Outcome {
		UUID paymentId();

		record Recorded(UUID paymentId) implements Outcome {
		}

		/** The source had already recorded this reference: nothing new was recorded. */
		record AlreadyRecorded(UUID paymentId) implements Outcome {
		}
	}
}
