package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.platform.RegionData;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start, creates the steward account {@code admin}. Its password comes from
 * {@code COMMONSCLOUD_ADMIN_PASSWORD}; without it one is generated and printed to the log once,
 * since that start is the only moment anyone could learn it.
 */
@Component
@Order(0)
class BootstrapSteward implements ApplicationRunner {

	static final String USERNAME = "admin";
	private static final Logger log = LoggerFactory.getLogger(BootstrapSteward.class);

	private final AccountService accounts;
	private final AccountStore store;
	private final String configuredPassword;
	private final RegionData regionData;

	BootstrapSteward(AccountService accounts, AccountStore store,
			@Value("${commonscloud.admin-password:}") String configuredPassword, ObjectProvider<RegionData> regionData) {
		this.regionData = regionData.getIfAvailable(() -> RegionData.HERE);
		this.accounts = accounts;
		this.store = store;
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!regionData.writtenHere() || store.exists(USERNAME)) {
			return; // at a site of the mesh, the steward's account arrives from the core
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? generatePassword() : configuredPassword;
		accounts.openUnchecked(new NewAccount(USERNAME, "Region steward", password, Role.STEWARD, null));
		if (generated) {
			log.warn("Created the steward account '{}' with the generated password: {}  "
					+ "(shown once; set COMMONSCLOUD_ADMIN_PASSWORD to choose it yourself)", USERNAME, password);
		} else {
			log.info("Created the steward account '{}' with the password from COMMONSCLOUD_ADMIN_PASSWORD", USERNAME);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
