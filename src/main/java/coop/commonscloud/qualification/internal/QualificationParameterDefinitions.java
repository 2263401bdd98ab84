package coop.commonscloud.qualification.internal;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.qualification.QualificationParameters;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class QualificationParameterDefinitions implements ParameterDefinitions {

	@Override
	public List<ParameterSeed> seeds() {
		return QualificationParameters.SEEDS;
	}
}
