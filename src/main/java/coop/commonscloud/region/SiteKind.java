package coop.commonscloud.region;

public enum SiteKind {
	COMMUNITY_HOUSE("Community house"),
	LIBRARY("Library"),
	PARTNER_RACK("Partner rack"),
	HOME("Home");

	private final String label;

	SiteKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
