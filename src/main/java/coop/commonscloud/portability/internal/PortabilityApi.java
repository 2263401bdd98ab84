package coop.commonscloud.portability.internal;

import coop.commonscloud.platform.PersonalData.Person;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Portability")
class PortabilityApi {

	private final PersonalExport export;
	private final Leaving leaving;
	private final DataReturnLinks links;

	record DataReturn(UUID offeringId, String url) {
	}

	/** The signed-in person's export, a zip archive (also the download button on /account/leave). */
	@GetMapping(path = "/api/me/export", produces = "application/zip")
	ResponseEntity<byte[]> export() {
		Person person = export.callingPerson();
		return zip(export, person);
	}

	/** Closes the caller's own account; {@code confirm} must be their username. */
	@DeleteMapping("/api/me")
	ResponseEntity<Void> leave(@RequestParam(name = "confirm", required = false) String confirm, HttpServletRequest request) {
		leaving.leave(confirm);
		signOut(request);
		return ResponseEntity.noContent().build();
	}

	/** An offering's own data-export link, set by its partner's admin or a steward. */
	@PutMapping("/api/offerings/{id}/data-return")
	DataReturn setDataReturn(@PathVariable UUID id, @RequestBody DataReturn body) {
		return new DataReturn(id, links.set(id, body == null ? null : body.url()));
	}

	static ResponseEntity<byte[]> zip(PersonalExport export, Person person) {
		byte[] archive = export.zip(export.files(person));
		String name = "commons-cloud-" + person.username() + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(archive);
	}

	static void signOut(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}
}
