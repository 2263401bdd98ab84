package coop.commonscloud.identity.internal.account;

import coop.commonscloud.identity.internal.selfservice.SignUp;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invites")
@Tag(name = "Accounts")
record InviteApi(SignUp signUp) {

	record NewInvite(String note) {
	}

	record Invite(String code) {
	}

	/** Stewards make single-use invite codes (30 days) for sign-up when the region requires them. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Invite create(@RequestBody(required = false) NewInvite body) {
		return new Invite(signUp.invite(body == null ? null : body.note()));
	}
}
