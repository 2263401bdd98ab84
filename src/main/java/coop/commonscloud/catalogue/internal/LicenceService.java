package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.CatalogueChanged;
import coop.commonscloud.catalogue.LiberatoryLicence;
import coop.commonscloud.catalogue.LicenceVerdict;
import coop.commonscloud.catalogue.Licences;
import coop.commonscloud.catalogue.internal.domain.FreeSoftwareRule;
import coop.commonscloud.catalogue.internal.domain.LicenceTerm;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class LicenceService implements Licences {

	private final SpdxLicenceReader reader = new SpdxLicenceReader();
	private final LiberatoryLicenceStore liberatory;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional(readOnly = true)
	public LicenceVerdict evaluate(String expression) {
		LicenceTerm term = reader.read(expression);
		return rule().evaluate(expression.strip(), term);
	}

	@Override
	@Transactional(readOnly = true)
	public List<LicenceVerdict> evaluateAll(List<String> expressions) {
		FreeSoftwareRule rule = rule();
		return expressions.stream().map(e -> rule.evaluate(e.strip(), reader.read(e))).toList();
	}

	private FreeSoftwareRule rule() {
		return new FreeSoftwareRule(reader.listVersion(),
				liberatory.all().stream().map(LiberatoryLicence::id).collect(Collectors.toSet()));
	}

	@Override
	public String licenceListVersion() {
		return reader.listVersion();
	}

	@Override
	@Transactional(readOnly = true)
	public List<LiberatoryLicence> liberatoryList() {
		return liberatory.all();
	}

	@Override
	@Transactional
	public LiberatoryLicence addLiberatory(String id, String name, String url, String reason) {
		caller.requireSteward();
		LiberatoryLicence licence = new LiberatoryLicence(id, name, url, reason, caller.actor(), null);
		String lower = licence.id().toLowerCase(Locale.ROOT);
		if (!lower.startsWith("licenseref-") && !reader.isListedLicence(licence.id())) {
			throw new InvalidInput("A liberatory licence is a 'LicenseRef-...' identifier, or a licence on the SPDX "
					+ "licence list " + reader.listVersion() + "; got '" + licence.id() + "'");
		}
		try {
			liberatory.insert(licence);
		} catch (DuplicateKeyException e) {
			throw new Conflict("'" + licence.id() + "' is already on the region's list of liberatory licences");
		}
		events.publishEvent(new CatalogueChanged(null, null, licence.id(), Instant.now(clock)));
		return liberatory.get(licence.id());
	}
}
