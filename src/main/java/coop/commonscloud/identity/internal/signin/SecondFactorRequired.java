package coop.commonscloud.identity.internal.signin;

import org.springframework.security.authentication.InsufficientAuthenticationException;

/** The password was right, but this account also needs its second factor, which only the sign-in page asks for. */
public class SecondFactorRequired extends InsufficientAuthenticationException {

	SecondFactorRequired() {
		super("This account signs in with a second factor: use the sign-in page, or a bearer token for scripts");
	}
}
