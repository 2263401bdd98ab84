package coop.commonscloud.parameters.internal;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.parameters.PlatformParameters;
import java.sql.SQLException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * At start, once every bean exists and before the application takes requests or runs its jobs:
 * defines the parameters the modules own ({@link ParameterDefinitions}) that the database lacks.
 * At a site of the mesh the parameters' tables are a read-only copy of the core's; there a missing
 * parameter is left for the core to define, and it arrives by replication.
 */
@Component
@RequiredArgsConstructor
class DefiningParameters implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DefiningParameters.class);
	/** What the database raises for a write to a region table at a site (see platform's ReplicaRefusal). */
	private static final String READ_ONLY = "25006";

	private final ObjectProvider<ParameterDefinitions> modules;
	private final PlatformParameters parameters;

	@Override
	public void afterSingletonsInstantiated() {
		List<ParameterSeed> seeds = modules.orderedStream().flatMap(module -> module.seeds().stream()).toList();
		try {
			List<ParameterKey> added = parameters.define(seeds);
			if (!added.isEmpty()) {
				log.info("Defined platform parameters {}", added);
			}
		} catch (DataAccessException e) {
			if (!refusedAsReplica(e)) {
				throw e;
			}
			log.warn("This site's copy of the platform parameters lacks some the code defines; they come from the core "
					+ "by replication once it defines them: {}", e.getMostSpecificCause().getMessage());
		}
	}

	private static boolean refusedAsReplica(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && READ_ONLY.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}
}
