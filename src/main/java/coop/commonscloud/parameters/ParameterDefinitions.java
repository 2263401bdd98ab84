package coop.commonscloud.parameters;

import java.util.List;

/**
 * A module's own platform parameters. Each module that owns parameters provides one bean of this
 * type; at start the parameters module defines every seed the database lacks, in one transaction,
 * so that no other module's migration writes into the parameters' tables.
 */
public interface ParameterDefinitions {

	List<ParameterSeed> seeds();
}
