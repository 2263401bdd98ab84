package coop.commonscloud.qualification.internal.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An entry of the governed list of hosting companies off-site servers may not use: a company and one of its AS numbers. */
public record ExcludedHost(String company, Long asn) {

	/** Whether a server's declared hosting company names this company as a whole word ("Amazon Web Services" does, "Amazonia Co-op" does not). */
	public boolean namedIn(String hostingCompany) {
		return hostingCompany != null && Pattern.compile("\\b" + Pattern.quote(company.toLowerCase(Locale.ROOT)) + "\\b")
				.matcher(hostingCompany.toLowerCase(Locale.ROOT)).find();
	}
}
