package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.catalogue.ServiceChoices;
import coop.commonscloud.platform.AccountId;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotPermitted;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ServiceChoices} in table {@code chosen_offering}, always for the caller's own account. */
@Service
@RequiredArgsConstructor
class ChosenOfferings implements ServiceChoices {

	private final JdbcClient jdbc;
	private final Caller caller;

	@Override
	public List<OfferingId> mine() {
		return jdbc.sql("select offering_id from chosen_offering where person = :person order by chosen_at, offering_id")
				.param("person", me()).query((row, n) -> new OfferingId(row.getObject(1, UUID.class))).list();
	}

	@Override
	@Transactional
	public void chooseMine(Set<OfferingId> offerings) {
		UUID me = me();
		List<UUID> ids = offerings.stream().map(OfferingId::value).toList();
		List<UUID> known = ids.isEmpty() ? List.of()
				: jdbc.sql("select id from offering where id in (:ids)").param("ids", ids).query(UUID.class).list();
		List<String> unknown = ids.stream().filter(id -> !known.contains(id)).map(id -> "There is no offering " + id
				+ " in the catalogue: pick from the list").toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInput(unknown);
		}
		jdbc.sql("delete from chosen_offering where person = :person").param("person", me).update();
		for (UUID id : ids) {
			jdbc.sql("insert into chosen_offering (person, offering_id) values (:person, :offering)")
					.param("person", me).param("offering", id).update();
		}
	}

	private UUID me() {
		caller.requireSignedIn();
		return caller.accountId().map(AccountId::value)
				.orElseThrow(() -> new NotPermitted("Picking services is for people with a region account"));
	}
}
