package coop.commonscloud.catalogue;

/** Who may use an offering. The LoRes rule applies to offerings for the general public. */
public enum Audience {
	GENERAL_PUBLIC("General public"),
	MEMBERS_ONLY("Members only");

	private final String label;

	Audience(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
