package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.governance.internal.domain.ProposalState;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.NotPermitted;
import coop.commonscloud.platform.Paged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proposing, discussing and moving proposals through draft and discussion. */
@Service
@RequiredArgsConstructor
class Proposals {

	private final ProposalStore store;
	private final Roster roster;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final Clock clock;

	record Draft(ProposalKind kind, String title, String rationale, String parameterKey, BigDecimal parameterValue,
			Instant effectiveFrom, String criteriaChange, List<UUID> involvedMembers) {
	}

	/** Any account that speaks for a member (or a steward) may propose; the proposal starts as a draft. */
	@Transactional
	Proposal propose(Draft draft) {
		requireMemberVoice();
		List<String> problems = new ArrayList<>();
		if (draft.kind() == null) {
			problems.add("Choose what the proposal is about: PARAMETER_CHANGE, CRITERIA_CHANGE, GENERAL or APPEAL");
		}
		if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
			problems.add("A proposal needs a title of 1 to 200 characters");
		}
		if (draft.rationale() == null || draft.rationale().isBlank() || draft.rationale().length() > 20000) {
			problems.add("Explain the proposal: a rationale of 1 to 20000 characters");
		}
		if (draft.kind() == ProposalKind.PARAMETER_CHANGE) {
			checkParameterChange(draft, problems);
		}
		if (draft.kind() == ProposalKind.CRITERIA_CHANGE
				&& (draft.criteriaChange() == null || draft.criteriaChange().isBlank() || draft.criteriaChange().length() > 20000)) {
			problems.add("Describe the change to the criteria (1 to 20000 characters)");
		}
		List<UUID> involved = draft.involvedMembers() == null ? List.of() : draft.involvedMembers().stream().distinct().toList();
		if (draft.kind() == ProposalKind.APPEAL && involved.isEmpty()) {
			problems.add("An appeal names the members involved (the partner appealing and any party to the sanction): "
					+ "they do not vote on it");
		}
		if (draft.kind() != null && draft.kind() != ProposalKind.APPEAL && !involved.isEmpty()) {
			problems.add("Only an appeal lists involved members");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		involved.forEach(roster::get);
		boolean parameter = draft.kind() == ProposalKind.PARAMETER_CHANGE;
		Proposal proposal = new Proposal(UUID.randomUUID(), 0, draft.kind(), draft.title().strip(), draft.rationale().strip(),
				ProposalState.DRAFT, caller.actor(), parameter ? draft.parameterKey().strip() : null,
				parameter ? draft.parameterValue() : null, parameter ? draft.effectiveFrom() : null,
				draft.kind() == ProposalKind.CRITERIA_CHANGE ? draft.criteriaChange().strip() : null, involved, Instant.now(clock));
		store.insert(proposal);
		return get(proposal.id());
	}

	@Transactional
	Proposal startDiscussion(UUID id) {
		Proposal proposal = get(id);
		requireAuthorOrSteward(proposal);
		if (proposal.state() != ProposalState.DRAFT || !store.move(id, ProposalState.DRAFT, ProposalState.DISCUSSION)) {
			throw new Conflict("Only a draft can be put up for discussion; this proposal is in " + proposal.state());
		}
		return get(id);
	}

	@Transactional
	void comment(UUID id, String body) {
		caller.requireSignedIn();
		Proposal proposal = get(id);
		if (proposal.state() != ProposalState.DISCUSSION && proposal.state() != ProposalState.POLL) {
			throw new Conflict("Comments are open while a proposal is under discussion or in its poll; this one is in "
					+ proposal.state());
		}
		if (body == null || body.isBlank() || body.length() > 5000) {
			throw new InvalidInput("A comment is 1 to 5000 characters");
		}
		store.comment(id, caller.actor(), body.strip());
	}

	@Transactional(readOnly = true)
	Proposal get(UUID id) {
		return store.find(id).orElseThrow(() -> new NotFound("There is no proposal " + id));
	}

	@Transactional(readOnly = true)
	Proposal byNumber(long number) {
		return store.findByNumber(number).orElseThrow(() -> new NotFound("There is no proposal number " + number));
	}

	@Transactional(readOnly = true)
	Paged<Proposal> list(Paged.Request page) {
		return new Paged<>(store.page(page.offset(), page.size()), page.page(), page.size(), store.count());
	}

	@Transactional(readOnly = true)
	List<Comment> comments(UUID id) {
		get(id);
		return store.comments(id);
	}

	String currentActor() {
		return caller.actor();
	}

	void requireAuthorOrSteward(Proposal proposal) {
		caller.requireSignedIn();
		if (!caller.isSteward() && !proposal.author().equalsIgnoreCase(caller.actor())) {
			throw new NotPermitted("Only the author of the proposal or a steward may do this");
		}
	}

	private void requireMemberVoice() {
		caller.requireSignedIn();
		if (!caller.isSteward() && roster.voices().isEmpty()) {
			throw new NotPermitted("Only members (through their delegates) and stewards may make proposals");
		}
	}

	private void checkParameterChange(Draft draft, List<String> problems) {
		if (draft.parameterKey() == null || draft.parameterKey().isBlank()) {
			problems.add("Name the platform parameter to change");
		} else {
			ParameterDefinition definition = parameters.definitions().stream()
					.filter(d -> d.key().name().equals(draft.parameterKey().strip())).findFirst().orElse(null);
			if (definition == null) {
				problems.add("There is no platform parameter '" + draft.parameterKey() + "'");
			} else if (draft.parameterValue() != null) {
				BigDecimal value = draft.parameterValue();
				if ((definition.minimum() != null && value.compareTo(definition.minimum()) < 0)
						|| (definition.maximum() != null && value.compareTo(definition.maximum()) > 0)) {
					problems.add(definition.key() + " must lie from " + bound(definition.minimum()) + " to "
							+ bound(definition.maximum()) + " " + definition.unit());
				}
			}
		}
		if (draft.parameterValue() == null) {
			problems.add("Give the parameter's new value");
		}
		if (draft.effectiveFrom() == null) {
			problems.add("Give the date the new value takes effect");
		} else if (!draft.effectiveFrom().isAfter(Instant.now(clock))) {
			problems.add("A new value takes effect in the future: the members still have to decide it");
		}
	}

	private static String bound(BigDecimal bound) {
		return bound == null ? "any" : bound.toPlainString();
	}

	static ParameterKey key(Proposal proposal) {
		return new ParameterKey(proposal.parameterKey());
	}
}
