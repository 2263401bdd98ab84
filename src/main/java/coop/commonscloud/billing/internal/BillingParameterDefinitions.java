package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.BillingParameters;
import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class BillingParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return BillingParameters.SEEDS;
	}
}
