package coop.commonscloud;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CommonsCloudApplication.class);

	@Test
	void modules_have_no_cycles_and_reach_only_into_each_others_public_api() {
		MODULES.verify();
	}
}
