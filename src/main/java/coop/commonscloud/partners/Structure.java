package coop.commonscloud.partners;

/** How a partner is organised, as its registration shows. */
public enum Structure {
	REGISTERED_COOPERATIVE("Registered co-operative"),
	OTHER_INCORPORATED_BODY("Other incorporated body"),
	UNINCORPORATED_COLLECTIVE("Unincorporated collective");

	private final String label;

	Structure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
