package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerSupplies;
import coop.commonscloud.infrastructure.PowerSupply;
import coop.commonscloud.infrastructure.PowerSupplyDeclared;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteId;
import coop.commonscloud.region.Sites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class PowerSupplyService implements PowerSupplies {

	private final PowerSupplyStore store;
	private final Sites sites;
	private final Caller caller;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional
	public PowerSupply declare(PowerSupply supply) {
		caller.requireSignedIn();
		Site site = sites.find(supply.site()).orElseThrow(() -> new InvalidInput("There is no site " + supply.site()));
		caller.requireManages(site.partner());
		store.insert(supply, caller.actor());
		events.publishEvent(new PowerSupplyDeclared(site.id(), site.partner(), supply.kind(), Instant.now(clock)));
		return current(supply.site()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PowerSupply> current(SiteId site) {
		return store.current(site);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PowerSupply> history(SiteId site) {
		return store.history(site);
	}
}
