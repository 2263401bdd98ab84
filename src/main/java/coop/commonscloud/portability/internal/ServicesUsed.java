package coop.commonscloud.portability.internal;

import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.Offering;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.Usage;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code services.json}: the offerings a person used (from metering), what each is and who runs it
 * (catalogue, partners), and where the service itself lets them take their data out.
 */
@Component
@RequiredArgsConstructor
class ServicesUsed implements PersonalData {

	private final Usage usage;
	private final Catalogue catalogue;
	private final Partners partners;
	private final DataReturnLinks links;
	private final JsonMapper json;

	@Override
	public List<Holding> holdings() {
		return List.of();
	}

	@Override
	public List<ExportFile> export(Person person) {
		List<Map<String, Object>> services = usage.usedBy(person.account().value()).offerings().stream()
				.map(this::service).toList();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("schemaVersion", 1);
		file.put("services", services);
		return List.of(new ExportFile("services.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(file)));
	}

	private Map<String, Object> service(OfferingUsage used) {
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("offeringId", used.offering().value());
		Offering offering = catalogue.findOffering(used.offering()).orElse(null);
		service.put("application", offering == null ? null
				: catalogue.findApplication(offering.details().application()).map(app -> app.details().name()).orElse(null));
		service.put("partnerId", offering == null ? null : offering.details().partner().value());
		service.put("partner", offering == null ? null
				: partners.findBy(offering.details().partner()).map(partner -> partner.legalName()).orElse(null));
		service.put("address", offering == null ? null : offering.details().address());
		service.put("activeDays", used.activeDays());
		service.put("reportedUnits", used.reportedUnits());
		service.put("dataExportLink", links.of(used.offering().value()).orElse(null));
		return service;
	}

	/** Nothing of its own: what it shows is metering's and the catalogue's. */
	@Override
	public void forget(Person person) {
	}
}
