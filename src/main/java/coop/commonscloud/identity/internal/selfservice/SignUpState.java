package coop.commonscloud.identity.internal.selfservice;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What the site's pages say about joining (the header's and home page's Join link, the sign-in page's line), read by
 * the templates as {@code @signUpState}: whether sign-up is open, and if so in which mode.
 */
@Component("signUpState")
@RequiredArgsConstructor
class SignUpState {

	private final SignUp signUp;

	/** Whether {@code /sign-up} takes new accounts, openly, with an invite code or pending approval. */
	public boolean open() {
		return signUp.open();
	}

	/** {@code CLOSED}, or how sign-up works: {@code OPEN}, {@code INVITE} or {@code APPROVAL}. */
	public String state() {
		return signUp.open() ? signUp.mode().name() : "CLOSED";
	}
}
