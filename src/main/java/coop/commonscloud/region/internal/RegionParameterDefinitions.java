package coop.commonscloud.region.internal;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.region.RegionParameters;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class RegionParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return RegionParameters.SEEDS;
	}
}
