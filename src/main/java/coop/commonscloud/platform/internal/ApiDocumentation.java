package coop.commonscloud.platform.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ApiDocumentation {

	@Bean
	OpenAPI commonsCloudApi() {
		return new OpenAPI().info(new Info()
				.title("Commons Cloud API")
				.version("v1")
				.description("The region's platform under /api: regions, sites and the locality rule, partners, "
						+ "servers and telemetry, the catalogue and licences, qualification, governance, parameters, "
						+ "accounts and clients, billing, metering, the ledger, settlement and payouts, and the mesh. "
						+ "Errors are RFC 9457 problem details; paged lists take ?page=&size= (size at most 200). "
						+ "Most reads are public (private ones, such as payments and payouts, need credentials); "
						+ "writes need an account's HTTP Basic credentials or a bearer token from the region's provider.")
				.license(new License().name("AGPL-3.0-or-later").identifier("AGPL-3.0-or-later")));
	}
}
