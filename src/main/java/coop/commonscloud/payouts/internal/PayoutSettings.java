package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.Conflict;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The region's own bank accounts and direct entry details, which payout files pay from. Nothing is
 * assumed: until they are configured, exports are refused with a message naming the missing settings.
 *
 * @param aba the region's Australian account and its APCA direct entry user details
 * @param sepa the region's European account
 */
@ConfigurationProperties("commonscloud.payouts")
record PayoutSettings(Aba aba, Sepa sepa) {

	record Aba(String financialInstitution, String userName, String userId, String description, String bsb,
			String accountNumber, String accountName, String remitterName, boolean balancingRecord) {
	}

	record Sepa(String name, String iban, String bic) {
	}

	AbaFile.Remitter remitter() {
		List<String> missing = new ArrayList<>();
		if (aba == null) {
			missing.add("commonscloud.payouts.aba.*");
		} else {
			need(missing, "aba.financial-institution", aba.financialInstitution(), "[A-Z]{3}");
			need(missing, "aba.user-name", aba.userName(), ".{1,26}");
			need(missing, "aba.user-id", aba.userId(), "[0-9]{1,6}");
			need(missing, "aba.description", aba.description(), ".{1,12}");
			need(missing, "aba.bsb", aba.bsb(), "[0-9]{3}-[0-9]{3}");
			need(missing, "aba.account-number", aba.accountNumber(), "[0-9]{1,9}");
			need(missing, "aba.account-name", aba.accountName(), ".{1,32}");
			need(missing, "aba.remitter-name", aba.remitterName(), ".{1,16}");
		}
		if (!missing.isEmpty()) {
			throw new Conflict("ABA files need the region's own account configured; missing or malformed: " + missing);
		}
		return new AbaFile.Remitter(aba.financialInstitution(), aba.userName(), aba.userId(), aba.description(), aba.bsb(),
				aba.accountNumber(), aba.accountName(), aba.remitterName(), aba.balancingRecord());
	}

	Pain001.Debtor debtor() {
		List<String> missing = new ArrayList<>();
		if (sepa == null) {
			missing.add("commonscloud.payouts.sepa.*");
		} else {
			need(missing, "sepa.name", sepa.name(), ".{1,70}");
			need(missing, "sepa.iban", sepa.iban(), "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
			need(missing, "sepa.bic", sepa.bic(), "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
		}
		if (!missing.isEmpty()) {
			throw new Conflict("SEPA files need the region's own account configured; missing or malformed: " + missing);
		}
		return new Pain001.Debtor(sepa.name(), sepa.iban(), sepa.bic());
	}

	private static void need(List<String> missing, String key, String value, String form) {
		if (value == null || !value.matches(form)) {
			missing.add("commonscloud.payouts." + key);
		}
	}
}
