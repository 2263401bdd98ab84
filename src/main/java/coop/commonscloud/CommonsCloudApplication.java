package coop.commonscloud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform a region of hosting co-operatives runs together. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@EnableScheduling
public class CommonsCloudApplication {

	public static void main(String[] args) {
		SpringApplication.run(CommonsCloudApplication.class, args);
	}
}
