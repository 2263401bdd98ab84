package coop.commonscloud.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Whether a licence expression is free software for the region, with the reasons. A business
 * outcome, so a value: callers handle both cases.
 */
public sealed interface LicenceVerdict {

	String expression();

	List<String> reasons();

	@JsonProperty("free")
	default boolean free() {
		return this instanceof Free;
	}

	record Free(String expression, List<String> reasons) implements LicenceVerdict {
		public Free {
			reasons = List.copyOf(reasons);
		}
	}

	record NotFree(String expression, List<String> reasons) implements LicenceVerdict {
		public NotFree {
			reasons = List.copyOf(reasons);
		}
	}
}
