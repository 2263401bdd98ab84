package coop.commonscloud.portability.internal;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.portability.PortabilityParameters;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class PortabilityParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return PortabilityParameters.SEEDS;
	}
}
