package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Paged;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Members, delegates, proxies and voting rights. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance members")
record MemberApi(Roster roster) {

	@GetMapping("/members")
	Paged<Member> members(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return roster.list(new Paged.Request(page, size));
	}

	@PostMapping("/members")
	@ResponseStatus(HttpStatus.CREATED)
	Member admit(@RequestBody Roster.Admission admission) {
		return roster.admit(admission);
	}

	record Delegate(String username, String email) {
	}

	@PostMapping("/members/{id}/delegates")
	@ResponseStatus(HttpStatus.CREATED)
	void appoint(@PathVariable UUID id, @RequestBody Delegate delegate) {
		roster.appointDelegate(id, delegate.username(), delegate.email());
	}

	record Proxy(UUID holderId) {
	}

	/** Gives the member's proxy to another member ({@code holderId}), or withdraws it ({@code null}). */
	@PostMapping("/members/{id}/proxy")
	@ResponseStatus(HttpStatus.CREATED)
	void proxy(@PathVariable UUID id, @RequestBody Proxy proxy) {
		roster.recordProxy(id, proxy.holderId());
	}

	/** The members the signed-in account may vote for. */
	@GetMapping("/voices")
	List<Voice> voices() {
		return roster.voices();
	}

	@GetMapping("/voting-rights")
	Map<ProposalKind, Map<MemberClass, BigDecimal>> votingRights() {
		return roster.votingRights();
	}

	@PutMapping("/voting-rights/{kind}")
	Map<ProposalKind, Map<MemberClass, BigDecimal>> setVotingRights(@PathVariable String kind,
			@RequestBody Map<MemberClass, BigDecimal> weights) {
		try {
			roster.setVotingRights(ProposalKind.valueOf(kind), weights);
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Name the kind of proposal: PARAMETER_CHANGE, CRITERIA_CHANGE, GENERAL or APPEAL");
		}
		return roster.votingRights();
	}
}
