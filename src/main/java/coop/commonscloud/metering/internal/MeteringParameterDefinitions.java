package coop.commonscloud.metering.internal;

import coop.commonscloud.metering.MeteringParameters;
import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class MeteringParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return MeteringParameters.SEEDS;
	}
}
