package coop.commonscloud.governance.internal;

import coop.commonscloud.platform.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every governance page's header needs: who is signed in. */
@ControllerAdvice(assignableTypes = { GovernancePages.class, GovernanceForms.class, VotingForm.class, MembershipForms.class })
@RequiredArgsConstructor
class GovernancePageModel {

	private final Caller caller;

	@ModelAttribute("currentUser")
	String currentUser() {
		return caller.username().orElse(null);
	}
}
