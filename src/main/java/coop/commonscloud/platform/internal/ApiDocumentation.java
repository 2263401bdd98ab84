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
				.description("The region's platform: regions, partners, sites, servers, parameters. Errors are RFC 9457 "
						+ "problem details; list endpoints page with ?page=&size= (size at most 200). Reads are public; "
						+ "writes need HTTP Basic credentials of a region account.")
				.license(new License().name("AGPL-3.0-or-later").identifier("AGPL-3.0-or-later")));
	}
}
