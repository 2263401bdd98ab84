package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.InfrastructureParameters;
import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class InfrastructureParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return InfrastructureParameters.SEEDS;
	}
}
