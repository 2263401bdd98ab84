package coop.commonscloud.demo.internal;

import coop.commonscloud.region.Regions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the profile {@code demo}, loads the sample region once: if it exists already (a restart on
 * the same data) nothing is loaded again. Runs after the bootstrap steward ({@code @Order(0)}).
 *
 * <p>The services check who calls them, and at start-up nobody is signed in, so the loader acts as
 * a steward named {@code demo-loader} while it loads, and that name is what the records show as
 * their author. Everything is loaded in one transaction: a failure leaves no half-loaded region.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegionLoader implements ApplicationRunner {

	static final String ACTOR = "demo-loader";
	private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);

	private final Regions regions;
	private final NaarmDemo demo;
	private final TransactionTemplate transaction;

	DemoRegionLoader(Regions regions, NaarmDemo demo, PlatformTransactionManager transactions) {
		this.regions = regions;
		this.demo = demo;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (regions.find(NaarmDemo.SLUG).isPresent()) {
			log.info("The demo region '{}' is loaded already; leaving it as it is", NaarmDemo.SLUG);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
				List.of(new SimpleGrantedAuthority("ROLE_STEWARD"))));
		SecurityContextHolder.setContext(context);
		try {
			NaarmDemo.Loaded loaded = transaction.execute(status -> demo.load());
			log.warn("Loaded the demo region '{}': {} partners, {} sites, {} servers. Partner admins {} sign in "
					+ "with the demo password '{}' (demo data only: never use the demo profile for a real region)",
					NaarmDemo.SLUG, loaded.partners(), loaded.sites(), loaded.servers(), loaded.adminUsernames(),
					NaarmDemo.DEMO_PASSWORD);
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
