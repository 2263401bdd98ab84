package coop.commonscloud.identity.internal.selfservice;

import coop.commonscloud.identity.IdentityParameters;
import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class IdentityParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return IdentityParameters.SEEDS;
	}
}
