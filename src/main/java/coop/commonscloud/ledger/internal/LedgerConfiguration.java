package coop.commonscloud.ledger.internal;

import coop.commonscloud.ledger.OperatingCurrency;
import coop.commonscloud.platform.InvalidInput;
import java.util.Currency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	/** The one place the setting is read; settlement's former, undocumented key still counts when it alone is set. */
	@Bean
	OperatingCurrency operatingCurrency(@Value("${commonscloud.currency:${commonscloud.settlement.currency:AUD}}") String code) {
		try {
			return new OperatingCurrency(Currency.getInstance(code.strip()));
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("commonscloud.currency is an ISO 4217 currency code such as AUD or EUR; got '" + code + "'");
		}
	}
}
