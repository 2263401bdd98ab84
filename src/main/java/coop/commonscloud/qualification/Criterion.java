package coop.commonscloud.qualification;

/** The region's published criteria, for partners (1 to 7), their service offerings and their servers. */
public enum Criterion {
	STRUCTURAL_ALIGNMENT(Subject.PARTNER, "1. Structural alignment"),
	COMMONS_STEWARDSHIP(Subject.PARTNER, "2. Commons stewardship"),
	END_OF_LIFE_PLAN(Subject.PARTNER, "3. End-of-life plan"),
	COLLABORATIVE_NETWORK(Subject.PARTNER, "4. Participation in the collaborative network"),
	VOLUNTARY_SIMPLICITY(Subject.PARTNER, "5. Voluntary simplicity"),
	SUSTAINABLE_AND_FOSS(Subject.PARTNER, "6. Sustainable and FOSS"),
	LAND_BACK(Subject.PARTNER, "7. Land back"),
	FOSS(Subject.OFFERING, "Free software"),
	LORES(Subject.OFFERING, "LoRes compatible"),
	LOCAL(Subject.SERVER, "Local"),
	RENEWABLES(Subject.SERVER, "Renewables"),
	RESILIENT_FALLBACK(Subject.SERVER, "Resilient fallback");

	/** What a criterion judges. */
	public enum Subject {
		PARTNER, OFFERING, SERVER
	}

	private final Subject subject;
	private final String label;

	Criterion(Subject subject, String label) {
		this.subject = subject;
		this.label = label;
	}

	public Subject subject() {
		return subject;
	}

	public String label() {
		return label;
	}
}
