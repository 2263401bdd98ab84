package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The service criteria: free software, and LoRes compatibility for public offerings of covered applications. */
public final class ServiceRules {

	private ServiceRules() {
	}

	/** FOSS: the catalogue's licence verdict, with its reasons. */
	public static Verdict foss(String application, String licence, boolean free, List<String> licenceReasons) {
		List<String> reasons = new ArrayList<>();
		reasons.add(application + " is licensed " + licence);
		reasons.addAll(licenceReasons);
		return new Verdict(free ? Verdict.Code.MET : Verdict.Code.NOT_MET, reasons);
	}

	/**
	 * LoRes: where the application is covered by LoRes and the offering is for the general public,
	 * a LoRes-compatible option must be available and recommended.
	 */
	public static Verdict lowRes(String application, boolean coveredByLoRes, boolean generalPublic, boolean available,
			boolean recommended) {
		if (!coveredByLoRes) {
			return Verdict.met(application + " is not covered by the LoRes rule");
		}
		if (!generalPublic) {
			return Verdict.met("A members-only offering: the LoRes rule applies to offerings for the general public");
		}
		List<String> missing = new ArrayList<>();
		if (!available) {
			missing.add("make a LoRes-compatible option available");
		}
		if (!recommended) {
			missing.add("recommend the LoRes-compatible option");
		}
		return missing.isEmpty() ? Verdict.met("A LoRes-compatible option is available and recommended")
				: Verdict.notMet(application + " is covered by LoRes and offered to the general public: "
						+ String.join(" and ", missing));
	}
}
