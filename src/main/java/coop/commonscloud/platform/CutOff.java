package coop.commonscloud.platform;

/**
 * A write of region data at a site that is cut off from the region's core: refused, not queued.
 * The API answers 409 like any {@link Conflict}; pages show the message.
 */
public class CutOff extends Conflict {

	public CutOff(String whatResumes) {
		super("This site is cut off from the region core; " + whatResumes + " resume when it reconnects");
	}
}
