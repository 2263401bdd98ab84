package coop.commonscloud.catalogue;

import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.util.List;
import java.util.Optional;

/**
 * The region's catalogue: applications (stewards keep them) and partners' offerings of them
 * (stewards and the partner's own admins keep those).
 */
public interface Catalogue {

	Application addApplication(ApplicationDetails details);

	Application updateApplication(ApplicationId id, ApplicationDetails details);

	Optional<Application> findApplication(ApplicationId id);

	Application getApplication(ApplicationId id);

	Paged<Application> applications(Paged.Request page);

	Offering addOffering(OfferingDetails details);

	Offering updateOffering(OfferingId id, OfferingDetails details);

	Optional<Offering> findOffering(OfferingId id);

	Offering getOffering(OfferingId id);

	List<Offering> offeringsOf(PartnerId partner);

	List<Offering> offeringsOn(ServerId server);

	Paged<Offering> offerings(Paged.Request page);
}
