package coop.commonscloud.catalogue.internal.domain;

import java.util.List;

/** A parsed SPDX licence expression, as the free-software rule reads it. */
public sealed interface LicenceTerm {

	/** A licence on the SPDX licence list, with the list's OSI and FSF flags. */
	record Listed(String id, boolean osiApproved, boolean fsfLibre, boolean deprecated) implements LicenceTerm {
	}

	/** A {@code LicenseRef-...}: counts only through the region's liberatory list. */
	record Reference(String id) implements LicenceTerm {
	}

	/** A well-formed identifier that is on no list we know. */
	record Unknown(String id) implements LicenceTerm {
	}

	/** {@code X+}: this version or any later one; judged by the named version. */
	record OrLater(LicenceTerm licence) implements LicenceTerm {
	}

	/** {@code X WITH exception}. */
	record WithException(LicenceTerm licence, Addition exception) implements LicenceTerm {
	}

	/** {@code A AND B ...}: every part applies. */
	record AllOf(List<LicenceTerm> terms) implements LicenceTerm {
		public AllOf {
			terms = List.copyOf(terms);
		}
	}

	/** {@code A OR B ...}: the user may pick any one part. */
	record AnyOf(List<LicenceTerm> terms) implements LicenceTerm {
		public AnyOf {
			terms = List.copyOf(terms);
		}
	}

	/** What follows {@code WITH}. */
	sealed interface Addition {
		String id();
	}

	/** An exception on the SPDX exception list. */
	record ListedException(String id) implements Addition {
	}

	/** An {@code AdditionRef-...} or an identifier on no exception list. */
	record UnlistedException(String id) implements Addition {
	}
}
