package coop.commonscloud.qualification.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the partner criteria read: its structure, its latest financial declaration, its
 * evidence, whether it is settler-run, and the verdicts of its offerings and servers (for
 * criterion 6), as of one instant.
 */
public record PartnerFacts(boolean registeredCooperative, String registrationNumber, Optional<Declaration> declaration,
		List<EvidenceItem> evidence, boolean settlerRun, List<SubjectVerdict> servicesAndServers, Instant asOf) {

	public PartnerFacts {
		evidence = List.copyOf(evidence);
		servicesAndServers = List.copyOf(servicesAndServers);
	}
}
