package coop.commonscloud.transparency.internal;

import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.region.Locality;
import java.util.Locale;

/** Says in words how a server fares on the locality rule, for tooltips and tables alike. */
final class ServerVerdicts {

	private ServerVerdicts() {
	}

	static String describe(ServerLocality server) {
		String name = server.server().details().name() + " at " + server.site().name() + ": ";
		return name + reason(server);
	}

	static String reason(ServerLocality server) {
		if (!server.heldToLocality()) {
			return server.server().details().role().label() + " server, not held to the locality rule";
		}
		Locality locality = server.locality();
		if (locality == null) {
			return "not judged yet, the region has no boundary";
		}
		if (locality.inside()) {
			return "qualifies, inside the region";
		}
		String outside = distance(locality.distanceToBoundaryMetres()) + " outside the boundary";
		String allowance = distance(locality.allowanceMetres()) + " allowance";
		return locality.qualifies() ? "qualifies, " + outside + ", within the " + allowance
				: "does not qualify, " + outside + ", beyond the " + allowance;
	}

	static String distance(double metres) {
		if (metres < 1000) {
			return Math.round(metres) + " m";
		}
		return String.format(Locale.ROOT, "%.1f km", metres / 1000);
	}
}
