package coop.commonscloud.infrastructure;

/** What a server does for the region. Only regional servers must stand in the region. */
public enum ServerRole {
	REGIONAL("Regional", false),
	OFF_SITE_BACKUP("Off-site backup", true),
	DNS("DNS", true),
	OPTIONAL_CONNECTOR("Optional connector", true);

	private final String label;
	private final boolean offSite;

	ServerRole(String label, boolean offSite) {
		this.label = label;
		this.offSite = offSite;
	}

	public String label() {
		return label;
	}

	/** Off-site servers may stand outside the region, and name their hosting company and AS number. */
	public boolean offSite() {
		return offSite;
	}
}
