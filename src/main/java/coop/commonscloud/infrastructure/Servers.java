package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.RegionSlug;
import java.util.List;
import java.util.Optional;

/** The partners' servers. Only a steward or the partner's own admins may change a server. */
public interface Servers {

	Server add(ServerDetails details);

	Server update(ServerId id, ServerDetails details);

	Optional<Server> find(ServerId id);

	Server get(ServerId id);

	List<Server> ofPartner(PartnerId partner);

	/** Every server standing at a site of the region, with its locality. */
	List<ServerLocality> inRegion(RegionSlug region);
}
