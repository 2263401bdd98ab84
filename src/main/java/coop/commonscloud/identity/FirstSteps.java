package coop.commonscloud.identity;

import java.util.UUID;

/**
 * Whether a person who signed up still has their first steps to take (a plan, how to pay, services, where their data
 * lives). Another module keeps those steps and implements this; without one, nobody has any. Sign-in sends a person
 * with steps left to {@link #PATH}, and their account page offers to continue.
 */
public interface FirstSteps {

	String PATH = "/welcome";

	boolean unfinished(UUID account);
}
