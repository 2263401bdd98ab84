package coop.commonscloud.catalogue.internal.domain;

import coop.commonscloud.catalogue.LicenceVerdict;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.AllOf;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.AnyOf;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.Listed;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.ListedException;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.OrLater;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.Reference;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.Unknown;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm.WithException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service criterion "FOSS": a licence expression is free software when every branch it needs
 * is OSI-approved or FSF-libre per the SPDX licence list, or is on the region's liberatory list.
 * {@code OR} needs one acceptable branch, {@code AND} needs all, {@code WITH} needs a listed
 * exception, a {@code LicenseRef-} counts only through the liberatory list.
 */
public final class FreeSoftwareRule {

	private final String listVersion;
	private final Set<String> liberatory;

	/** @param liberatory identifiers on the region's liberatory list (compared without regard to case) */
	public FreeSoftwareRule(String listVersion, Set<String> liberatory) {
		this.listVersion = listVersion;
		this.liberatory = liberatory.stream().map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	public LicenceVerdict evaluate(String expression, LicenceTerm term) {
		Outcome outcome = judge(term);
		return outcome.acceptable() ? new LicenceVerdict.Free(expression, outcome.reasons())
				: new LicenceVerdict.NotFree(expression, outcome.reasons());
	}

	private record Outcome(boolean acceptable, List<String> reasons) {
		static Outcome yes(String reason) {
			return new Outcome(true, List.of(reason));
		}

		static Outcome no(String reason) {
			return new Outcome(false, List.of(reason));
		}
	}

	private Outcome judge(LicenceTerm term) {
		if (term instanceof Listed listed) {
			return listed(listed);
		}
		if (term instanceof Reference reference) {
			return onLiberatoryList(reference.id())
					? Outcome.yes(reference.id() + " is on the region's list of liberatory licences")
					: Outcome.no(reference.id() + " is not on the region's list of liberatory licences; a LicenseRef- "
							+ "licence counts only once stewards have added it to that list");
		}
		if (term instanceof Unknown unknown) {
			return onLiberatoryList(unknown.id())
					? Outcome.yes(unknown.id() + " is on the region's list of liberatory licences")
					: Outcome.no("'" + unknown.id() + "' is not an identifier on the SPDX licence list " + listVersion
							+ " nor on the region's list of liberatory licences; use the licence's SPDX identifier "
							+ "(see https://spdx.org/licenses/) or a LicenseRef- on the liberatory list");
		}
		if (term instanceof OrLater orLater) {
			return judge(orLater.licence());
		}
		if (term instanceof WithException with) {
			return withException(with);
		}
		if (term instanceof AllOf all) {
			return allOf(all.terms());
		}
		return anyOf(((AnyOf) term).terms());
	}

	private Outcome listed(Listed licence) {
		String deprecated = licence.deprecated() ? " (a deprecated identifier)" : "";
		String list = " per the SPDX licence list " + listVersion;
		if (licence.osiApproved() && licence.fsfLibre()) {
			return Outcome.yes(licence.id() + deprecated + " is OSI-approved and FSF-libre" + list);
		}
		if (licence.osiApproved()) {
			return Outcome.yes(licence.id() + deprecated + " is OSI-approved" + list);
		}
		if (licence.fsfLibre()) {
			return Outcome.yes(licence.id() + deprecated + " is FSF-libre" + list);
		}
		if (onLiberatoryList(licence.id())) {
			return Outcome.yes(licence.id() + " is on the region's list of liberatory licences");
		}
		return Outcome.no(licence.id() + " is neither OSI-approved nor FSF-libre" + list
				+ ", and is not on the region's list of liberatory licences");
	}

	private Outcome withException(WithException with) {
		Outcome licence = judge(with.licence());
		List<String> reasons = new ArrayList<>(licence.reasons());
		boolean acceptable = licence.acceptable();
		if (with.exception() instanceof ListedException listed) {
			reasons.add(listed.id() + " is an exception on the SPDX exception list " + listVersion
					+ ", which adds permissions and takes none away");
		} else {
			acceptable = false;
			reasons.add("'" + with.exception().id() + "' is not an exception on the SPDX exception list " + listVersion
					+ "; WITH is accepted only with a listed exception");
		}
		return new Outcome(acceptable, reasons);
	}

	private Outcome allOf(List<LicenceTerm> terms) {
		List<Outcome> outcomes = terms.stream().map(this::judge).toList();
		boolean acceptable = outcomes.stream().allMatch(Outcome::acceptable);
		List<String> reasons = new ArrayList<>();
		if (!acceptable) {
			reasons.add("AND needs every licence to be acceptable, and at least one is not");
		}
		outcomes.stream().filter(o -> o.acceptable() == acceptable).forEach(o -> reasons.addAll(o.reasons()));
		return new Outcome(acceptable, reasons);
	}

	private Outcome anyOf(List<LicenceTerm> terms) {
		List<Outcome> outcomes = terms.stream().map(this::judge).toList();
		boolean acceptable = outcomes.stream().anyMatch(Outcome::acceptable);
		List<String> reasons = new ArrayList<>();
		if (!acceptable) {
			reasons.add("OR needs one acceptable licence to choose, and none is");
		}
		outcomes.stream().filter(o -> o.acceptable() == acceptable).forEach(o -> reasons.addAll(o.reasons()));
		return new Outcome(acceptable, reasons);
	}

	private boolean onLiberatoryList(String id) {
		return liberatory.contains(id.toLowerCase(Locale.ROOT));
	}
}
