package coop.commonscloud.platform.internal;

import coop.commonscloud.platform.StrictInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.module.SimpleModule;

/**
 * Registers {@link StrictInput}'s checks with the application's JSON mapper, so every request body
 * is checked for text and dates the database cannot store; {@link ApiProblems} names the field.
 */
@Component
class StrictJson extends SimpleModule {

	StrictJson() {
		super("strict-json");
		StrictInput.addTo(this);
	}
}
