package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.IngestResult;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A server's readings uploaded as CSV through its page: first a preview of what the upload would
 * do (nothing is stored), then the same text stored. The preview page carries the text on in a
 * hidden field, so no upload is kept on the server between the two steps. A refused upload comes
 * back on the server's page with the problems and the text, to be corrected there.
 */
@Controller
record TelemetryFormPages(Servers servers, ReadingIngest ingest, Telemetry telemetry, ServerPage page, Caller caller) {

	@PostMapping("/manage/servers/{id}/readings/preview")
	String preview(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String readings, Model model) {
		Server server = managed(id);
		String text = text(file, readings);
		try {
			IngestPreview preview = ingest.preview(parse(server, text)).get(0);
			model.addAttribute("server", server);
			model.addAttribute("preview", preview);
			model.addAttribute("readings", text);
			return "manage/telemetry-preview";
		} catch (InvalidInput | Conflict e) {
			return page.render(model, server, Problems.of(e), text);
		}
	}

	@PostMapping("/manage/servers/{id}/readings")
	String store(@PathVariable UUID id, @RequestParam(required = false) String readings,
			@RequestParam(defaultValue = "false") boolean correction, Model model, RedirectAttributes redirect) {
		Server server = managed(id);
		String text = text(null, readings);
		try {
			IngestResult result = telemetry.ingest(parse(server, text), correction);
			redirect.addFlashAttribute("notice", "Readings stored: " + result.stored() + " new, " + result.corrected()
					+ " corrected, " + result.duplicates() + " already stored or repeated");
		} catch (InvalidInput | Conflict e) {
			return page.render(model, server, Problems.of(e), text);
		}
		return "redirect:/manage/servers/" + id;
	}

	private Server managed(UUID id) {
		Server server = servers.get(new ServerId(id));
		caller.requireManages(server.details().partner());
		return server;
	}

	private static List<SourcedReading> parse(Server server, String text) {
		return ReadingsCsv.read(text, TelemetrySource.server(server.id()));
	}

	/** The uploaded file if one was chosen, else the pasted text; a spreadsheet's byte-order mark is dropped. */
	private static String text(MultipartFile file, String pasted) {
		String text = pasted;
		if (file != null && !file.isEmpty()) {
			try {
				text = new String(file.getBytes(), StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new InvalidInput("The uploaded file could not be read; upload it again");
			}
		}
		if (text != null && text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return text;
	}
}
