package coop.commonscloud.catalogue;

import java.util.List;

/** The licence rule and the region's list of liberatory licences. */
public interface Licences {

	/**
	 * Evaluates an SPDX licence expression against the SPDX licence list bundled with the
	 * application and the region's liberatory list. Throws {@link coop.commonscloud.platform.InvalidInput}
	 * only when the text is not an SPDX expression at all; an unknown identifier is a verdict.
	 */
	LicenceVerdict evaluate(String expression);

	/** Evaluates several expressions against one reading of the liberatory list, in order. */
	List<LicenceVerdict> evaluateAll(List<String> expressions);

	/** The version of the bundled SPDX licence list, such as {@code 3.28.0}. */
	String licenceListVersion();

	List<LiberatoryLicence> liberatoryList();

	/** Adds a licence to the liberatory list; stewards only. */
	LiberatoryLicence addLiberatory(String id, String name, String url, String reason);
}
