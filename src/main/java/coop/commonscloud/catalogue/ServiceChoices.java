package coop.commonscloud.catalogue;

import java.util.List;
import java.util.Set;

/** The offerings the signed-in person picked from the catalogue. Everyone sees and picks only their own. */
public interface ServiceChoices {

	/** The signed-in person's picks, in the order they were made. */
	List<OfferingId> mine();

	/** Replaces the signed-in person's picks; refuses an offering that does not exist, naming it. */
	void chooseMine(Set<OfferingId> offerings);
}
