package coop.commonscloud.transparency.internal;

import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.region.Locality;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Says in words how a server fares on the locality rule, for tooltips and tables alike. */
final class ServerVerdicts {

	private ServerVerdicts() {
	}

	/** The whole verdict, such as "hall-1 at Town Hall: qualifies, inside the region". */
	static String describe(ServerLocality server) {
		return server.server().details().name() + " at " + server.site().name() + ": "
				+ (server.qualifies() ? "qualifies, " : "does not qualify, ") + reason(server);
	}

	/** Why the server qualifies or not, such as "3.2 km outside the boundary, beyond the 1 km allowance". */
	static String reason(ServerLocality server) {
		if (!server.heldToLocality()) {
			return server.server().details().role().label().toLowerCase(java.util.Locale.ROOT)
					+ " server, not held to the locality rule";
		}
		Locality locality = server.locality();
		if (locality == null) {
			return "not judged yet: the region has no boundary";
		}
		if (locality.inside()) {
			return "inside the region";
		}
		return distance(locality.distanceToBoundaryMetres()) + " outside the boundary, "
				+ (locality.qualifies() ? "within" : "beyond") + " the " + distance(locality.allowanceMetres())
				+ " allowance";
	}

	static String distance(double metres) {
		if (metres < 1000) {
			return Math.round(metres) + " m";
		}
		return BigDecimal.valueOf(metres / 1000).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
				+ " km";
	}
}
