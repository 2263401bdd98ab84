package coop.commonscloud.settlement.internal;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.PartnerId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who provides what, from the catalogue and partners modules' public APIs: an offering's partner
 * and application name, a partner's name and whether it is settler-run. Each {@link #snapshot()}
 * caches lookups for one run, so 100,000 people cost one lookup per offering.
 */
@Component
@RequiredArgsConstructor
class ProviderDirectory {

	private final Catalogue catalogue;
	private final Partners partners;

	Snapshot snapshot() {
		return new Snapshot();
	}

	final class Snapshot {

		private final Map<OfferingId, Optional<Offering>> offerings = new ConcurrentHashMap<>();
		private final Map<UUID, String> names = new ConcurrentHashMap<>();
		private final Map<OfferingId, String> labels = new ConcurrentHashMap<>();

		/** The partner that runs the offering; empty for an offering the catalogue does not know. */
		Optional<UUID> providerOf(OfferingId offering) {
			return offerings.computeIfAbsent(offering, catalogue::findOffering).map(o -> o.details().partner().value());
		}

		String label(OfferingId offering) {
			return labels.computeIfAbsent(offering, id -> offerings.computeIfAbsent(id, catalogue::findOffering)
					.flatMap(o -> catalogue.findApplication(o.details().application()))
					.map(a -> a.details().name())
					.orElse("offering " + id));
		}

		String partnerName(UUID partner) {
			return names.computeIfAbsent(partner, id -> partners.findBy(new PartnerId(id)).map(Partner::legalName)
					.orElse("partner " + id));
		}

		boolean settlerRun(UUID partner) {
			return partners.settlerRun(new PartnerId(partner));
		}
	}
}
