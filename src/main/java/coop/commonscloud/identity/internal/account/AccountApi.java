package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.AccountStatus;
import coop.commonscloud.identity.Accounts;
import coop.commonscloud.identity.NewAccount;
import coop.commonscloud.identity.Role;
import coop.commonscloud.platform.InvalidInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts")
record AccountApi(Accounts accounts) {

	record OpenAccount(String username, String email, String displayName, String password, String role,
			UUID partnerId) {
	}

	record StatusChange(String status) {
	}

	/** Stewards open accounts; the role defaults to member. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Account open(@RequestBody OpenAccount body) {
		return accounts.open(new NewAccount(body.username(), body.displayName(), body.password(), role(body.role()),
				body.partnerId(), blankToNull(body.email())));
	}

	/** Stewards suspend, reactivate or delete accounts; leaving ACTIVE revokes the account's tokens. */
	@PutMapping("/{id}/status")
	Account changeStatus(@PathVariable UUID id, @RequestBody StatusChange body) {
		return accounts.changeStatus(id, status(body.status()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static AccountStatus status(String status) {
		try {
			return AccountStatus.valueOf(status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Status must be ACTIVE, SUSPENDED or DELETED; got '" + status + "'");
		}
	}

	private static Role role(String role) {
		if (role == null || role.isBlank()) {
			return Role.MEMBER;
		}
		try {
			return Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Role must be STEWARD, PARTNER_ADMIN or MEMBER; got '" + role + "'");
		}
	}
}
