package coop.commonscloud.region;

/** A site a partner's server may stand at, labelled for a form's list of sites. */
public record SiteChoice(SiteId site, String label) {

	/** The site's id as the form sends it back. */
	public String id() {
		return site.toString();
	}
}
