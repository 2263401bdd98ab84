package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.ServerLocality;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.platform.Choice;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.SiteId;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Servers")
record ServerApi(Servers servers) {

	/** A server as the API takes it; absent power figures count as 0. */
	record ServerBody(UUID partnerId, UUID siteId, String name, String role, String hardware, Integer nominalDrawW,
			Integer lowPowerDrawW, Integer batteryWh, Integer renewablePeakW, String hostingCompany, Long asn) {

		ServerDetails details() {
			if (partnerId == null) {
				throw new InvalidInput("A server needs the partner that runs it ('partnerId')");
			}
			return new ServerDetails(new PartnerId(partnerId), siteId == null ? null : new SiteId(siteId), name,
					Choice.of(ServerRole.class, role, "A server's role"), hardware, orZero(nominalDrawW), orZero(lowPowerDrawW), orZero(batteryWh),
					orZero(renewablePeakW), hostingCompany, asn);
		}

		private static int orZero(Integer value) {
			return value == null ? 0 : value;
		}
	}


	@PostMapping("/api/servers")
	@ResponseStatus(HttpStatus.CREATED)
	Server add(@RequestBody ServerBody body) {
		return servers.add(body.details());
	}

	@PutMapping("/api/servers/{id}")
	Server update(@PathVariable UUID id, @RequestBody ServerBody body) {
		return servers.update(new ServerId(id), body.details());
	}

	@GetMapping("/api/servers/{id}")
	Server get(@PathVariable UUID id) {
		return servers.get(new ServerId(id));
	}

	@GetMapping("/api/partners/{id}/servers")
	List<Server> ofPartner(@PathVariable UUID id) {
		return servers.ofPartner(new PartnerId(id));
	}

	@GetMapping("/api/regions/{slug}/servers")
	List<ServerLocality> inRegion(@PathVariable String slug) {
		return servers.inRegion(new RegionSlug(slug));
	}
}
