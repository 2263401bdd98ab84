package coop.commonscloud.settlement.internal;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.settlement.SettlementParameters;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class SettlementParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return SettlementParameters.SEEDS;
	}
}
