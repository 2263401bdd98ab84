package coop.commonscloud.partners;

import coop.commonscloud.platform.Paged;
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
}
