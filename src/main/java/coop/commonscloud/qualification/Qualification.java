package coop.commonscloud.qualification;

import coop.commonscloud.platform.PartnerId;
import java.util.List;

/** What other modules and the public may ask of qualification. */
public interface Qualification {

	/**
	 * Whether the partner may take new sign-ups: false once a sanction case against it has reached
	 * the "no new sign-ups" step (or removal) and is not closed.
	 */
	boolean acceptsNewSignUps(PartnerId partner);

	/** The partner's public standing, as last evaluated. */
	Standing standingOf(PartnerId partner);

	/** The latest verdict of every criterion for every subject of the partner: its own, its offerings' and its servers'. */
	List<CriterionVerdict> latestVerdicts(PartnerId partner);
}
