package coop.commonscloud.partners;

import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.util.List;
import java.util.Optional;

/** The region's partners. Contacts are shown only to stewards and the partner's own admins. */
public interface Partners {

	/** Registers a partner; stewards only. */
	Partner register(PartnerDetails details);

	/** Changes a partner's details; its stewards or its own admins. */
	Partner update(PartnerId id, PartnerDetails details);

	Optional<Partner> findBy(PartnerId id);

	Partner get(PartnerId id);

	Paged<Partner> list(Paged.Request page);

	/** Every partner the caller manages: all for a steward, one for a partner admin. */
	List<Partner> managedByCaller();

	/**
	 * Whether the partner is settler-run (not run by Aboriginal or Torres Strait Islander people), as
	 * it last declared. Public: it decides whether the land-back levy applies. A partner that has not
	 * declared counts as settler-run, so the levy is never skipped by omission.
	 */
	boolean settlerRun(PartnerId id);

	/** Records the partner's declaration of whether it is settler-run; its stewards or its own admins. */
	void declareSettlerRun(PartnerId id, boolean settlerRun);
}
