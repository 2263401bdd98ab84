package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.Paged;
import coop.commonscloud.platform.PartnerId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members, their delegates and proxies, and who votes with what weight on what. */
@Service
@RequiredArgsConstructor
class Roster {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final MemberStore store;
	private final Partners partners;
	private final Caller caller;
	private final Clock clock;

	record Admission(MemberClass memberClass, String name, UUID partnerId, String username, String email) {
	}

	/** Admits a member; stewards only (membership is itself a decision of the region). */
	@Transactional
	Member admit(Admission request) {
		caller.requireSteward();
		List<String> problems = new ArrayList<>();
		if (request.memberClass() == null) {
			problems.add("Choose the member class: PARTNER, STEWARD_ORGANISATION or PERSON");
		}
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			problems.add("A member needs a name of 1 to 200 characters");
		}
		if (request.memberClass() == MemberClass.PARTNER && request.partnerId() == null) {
			problems.add("A partner member names its partner (partnerId)");
		}
		if (request.memberClass() != MemberClass.PARTNER && request.partnerId() != null) {
			problems.add("Only a partner member is tied to a partner");
		}
		if (request.memberClass() == MemberClass.PERSON && (request.username() == null || request.username().isBlank())) {
			problems.add("A person-member names their own account (username)");
		}
		if (request.memberClass() != MemberClass.PERSON && request.username() != null && !request.username().isBlank()) {
			problems.add("Organisations vote through delegates; appoint them instead of giving a username");
		}
		checkEmail(request.email(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (request.partnerId() != null) {
			partners.get(new PartnerId(request.partnerId()));
		}
		Member member = new Member(UUID.randomUUID(), request.memberClass(), request.name().strip(), request.partnerId(),
				blankToNull(request.username()), blankToNull(request.email()), java.time.Instant.now(clock));
		try {
			store.insert(member, caller.actor());
		} catch (org.springframework.dao.DuplicateKeyException e) {
			throw new coop.commonscloud.platform.Conflict("That partner or person is already a member");
		}
		return store.find(member.id()).orElseThrow();
	}

	@Transactional(readOnly = true)
	Member get(UUID id) {
		return store.find(id).orElseThrow(() -> new NotFound("There is no member " + id));
	}

	@Transactional(readOnly = true)
	Paged<Member> list(Paged.Request page) {
		List<Member> members = store.page(page.offset(), page.size());
		return new Paged<>(caller.isSteward() ? members : members.stream().map(Member::withoutEmail).toList(),
				page.page(), page.size(), store.count());
	}

	/** Names an account as a delegate of a member; stewards, or a partner's admin for its own partner. */
	@Transactional
	void appointDelegate(UUID memberId, String username, String email) {
		Member member = get(memberId);
		if (!(caller.isSteward() || (member.partnerId() != null && caller.manages(new PartnerId(member.partnerId()))))) {
			throw new NotPermitted("Only a steward or an admin of this partner may appoint its delegates");
		}
		List<String> problems = new ArrayList<>();
		if (username == null || username.isBlank()) {
			problems.add("Name the delegate's account (username)");
		}
		checkEmail(email, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (store.isDelegate(memberId, username.strip())) {
			throw new coop.commonscloud.platform.Conflict(username + " is already a delegate of " + member.name());
		}
		store.appointDelegate(memberId, username.strip(), blankToNull(email), caller.actor());
	}

	/** Records that {@code holder}'s delegates may cast {@code member}'s ballot (or, with no holder, withdraws it). */
	@Transactional
	void recordProxy(UUID memberId, UUID holderId) {
		Member member = get(memberId);
		if (holderId != null) {
			get(holderId);
			if (holderId.equals(memberId)) {
				throw new InvalidInput("A member cannot be its own proxy");
			}
		}
		if (!caller.isSteward() && voices().stream().noneMatch(v -> !v.byProxy() && v.member().id().equals(memberId))) {
			throw new NotPermitted("Only a steward or a delegate of " + member.name() + " may give its proxy");
		}
		store.recordProxy(memberId, holderId, caller.actor());
	}

	/** The members the caller may cast ballots for: directly, then by proxy. */
	@Transactional(readOnly = true)
	List<Voice> voices() {
		if (caller.username().isEmpty()) {
			return List.of();
		}
		List<Member> direct = store.spokenForBy(caller.username().get(), caller.isSteward(), caller.adminOf().orElse(null));
		List<Voice> voices = new ArrayList<>(direct.stream().map(m -> new Voice(m, false)).toList());
		for (Member proxied : store.proxiesHeldBy(direct.stream().map(Member::id).toList())) {
			if (voices.stream().noneMatch(v -> v.member().id().equals(proxied.id()))) {
				voices.add(new Voice(proxied, true));
			}
		}
		return voices;
	}

	@Transactional(readOnly = true)
	Map<MemberClass, BigDecimal> weights(ProposalKind kind) {
		return store.weights(kind);
	}

	@Transactional(readOnly = true)
	Map<ProposalKind, Map<MemberClass, BigDecimal>> votingRights() {
		Map<ProposalKind, Map<MemberClass, BigDecimal>> rights = new LinkedHashMap<>();
		for (ProposalKind kind : ProposalKind.values()) {
			rights.put(kind, store.weights(kind));
		}
		return rights;
	}

	/** Sets which classes vote on a kind of proposal and with what weight; stewards only. */
	@Transactional
	void setVotingRights(ProposalKind kind, Map<MemberClass, BigDecimal> weights) {
		caller.requireSteward();
		if (kind == null) {
			throw new InvalidInput("Name the kind of proposal: PARAMETER_CHANGE, CRITERIA_CHANGE, GENERAL or APPEAL");
		}
		if (weights == null || weights.isEmpty()) {
			throw new InvalidInput("At least one member class must vote on " + kind + " proposals");
		}
		if (weights.values().stream().anyMatch(w -> w == null || w.signum() <= 0 || w.compareTo(BigDecimal.valueOf(1000)) > 0)) {
			throw new InvalidInput("A weight is a number above 0 and at most 1000");
		}
		store.replaceWeights(kind, weights);
	}

	/** Every member who may vote on a proposal of this kind, leaving out the parties involved. */
	@Transactional(readOnly = true)
	List<Member> eligible(ProposalKind kind, List<UUID> involved) {
		return store.ofClasses(List.copyOf(store.weights(kind).keySet()), involved);
	}

	@Transactional(readOnly = true)
	List<String> noticeAddresses(ProposalKind kind, List<UUID> involved) {
		List<String> addresses = new ArrayList<>();
		for (Member member : eligible(kind, involved)) {
			if (member.email() != null) {
				addresses.add(member.email());
			}
			addresses.addAll(store.delegateEmails(member.id()));
		}
		return addresses.stream().map(String::toLowerCase).distinct().toList();
	}

	private static void checkEmail(String email, List<String> problems) {
		if (email != null && !email.isBlank() && (email.length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
			problems.add("'" + email + "' is not an email address");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
