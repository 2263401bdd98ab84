package coop.commonscloud.platform;

import java.util.Map;

/**
 * A write of region data that a site may forward to the core: the module that owns the data
 * implements it, and the core's mesh runs it when a site hands one over (see {@link RegionData}).
 */
public interface ForwardedWrite {

	/** The name sites send, such as {@code password-change}. */
	String kind();

	/** Applies the write at the core; throws {@link InvalidInput} or {@link NotPermitted} to refuse it. */
	void apply(Map<String, String> fields);
}
