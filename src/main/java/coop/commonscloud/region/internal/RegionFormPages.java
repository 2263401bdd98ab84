package coop.commonscloud.region.internal;

import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import coop.commonscloud.platform.Problems;
import coop.commonscloud.region.Region;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stewards' pages to create a region, rename it and give it a boundary. */
@Controller
record RegionFormPages(Regions regions, Caller caller) {

	/** Larger boundaries are not put back into the page's text area; they are linked instead. */
	static final int SHOWN_BOUNDARY_CHARS = 100_000;

	@GetMapping("/manage/regions/new")
	String blank(Model model) {
		caller.requireSteward();
		model.addAttribute("form", RegionForm.blank());
		return "manage/region-form";
	}

	@PostMapping("/manage/regions")
	String create(@ModelAttribute("form") RegionForm form, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		Region region;
		try {
			RegionSlug slug = new RegionSlug(form.slug() == null ? null : form.slug().strip());
			if (regions.find(slug).isPresent()) {
				throw new Conflict("There is already a region '" + slug + "'; open it from the list to rename it");
			}
			region = regions.createOrRename(slug, form.name());
		} catch (InvalidInput | Conflict e) {
			model.addAttribute("problems", Problems.of(e));
			return "manage/region-form";
		}
		return saveBoundary(region, form, file, true, model, redirect);
	}

	@GetMapping("/manage/regions/{slug}")
	String edit(@PathVariable String slug, Model model) {
		caller.requireSteward();
		Region region = regions.get(slugOf(slug));
		String boundary = regions.boundaryGeoJson(region.slug()).filter(b -> b.length() <= SHOWN_BOUNDARY_CHARS)
				.orElse(null);
		return editPage(region, new RegionForm(region.slug().value(), region.name(), boundary), model);
	}

	@PostMapping("/manage/regions/{slug}")
	String rename(@PathVariable String slug, @ModelAttribute("form") RegionForm form, Model model,
			RedirectAttributes redirect) {
		Region region = regions.get(slugOf(slug));
		try {
			region = regions.createOrRename(region.slug(), form.name());
		} catch (InvalidInput e) {
			model.addAttribute("problems", e.problems());
			return editPage(region, new RegionForm(slug, form.name(), null), model);
		}
		redirect.addFlashAttribute("notice", "Region renamed to '" + region.name() + "'");
		return "redirect:/manage/regions/" + region.slug();
	}

	@PostMapping("/manage/regions/{slug}/boundary")
	String boundary(@PathVariable String slug, @ModelAttribute("form") RegionForm form,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		Region region = regions.get(slugOf(slug));
		return saveBoundary(region, new RegionForm(slug, region.name(), form.boundary()), file, false, model, redirect);
	}

	/** Saves the uploaded file, else the pasted text. A new region may come without a boundary. */
	private String saveBoundary(Region region, RegionForm form, MultipartFile file, boolean isNew, Model model,
			RedirectAttributes redirect) {
		String created = "Region '" + region.name() + "' created";
		try {
			String geoJson = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
					: form.boundary();
			if (geoJson == null || geoJson.isBlank()) {
				if (!isNew) {
					throw new InvalidInput("Choose a GeoJSON file or paste the GeoJSON text of the boundary");
				}
				redirect.addFlashAttribute("notice", created + "; add its boundary below");
			} else {
				regions.setBoundary(region.slug(), geoJson);
				redirect.addFlashAttribute("notice", isNew ? created + " with its boundary"
						: "Boundary of '" + region.name() + "' saved");
			}
		} catch (InvalidInput e) {
			return boundaryRefused(region, form, isNew, e.problems(), model);
		} catch (IOException e) {
			return boundaryRefused(region, form, isNew,
					List.of("The uploaded file could not be read; try again, or paste its text instead"), model);
		}
		return "redirect:/manage/regions/" + region.slug();
	}

	private String boundaryRefused(Region region, RegionForm form, boolean isNew, List<String> problems, Model model) {
		model.addAttribute("problems", problems);
		if (isNew) {
			model.addAttribute("notice", "Region '" + region.name() + "' created, but its boundary was not saved");
		}
		return editPage(region, form, model);
	}

	private String editPage(Region region, RegionForm form, Model model) {
		model.addAttribute("region", region);
		model.addAttribute("form", form);
		return "manage/region-form";
	}

	private static RegionSlug slugOf(String slug) {
		try {
			return new RegionSlug(slug);
		} catch (InvalidInput e) {
			throw new NotFound("There is no region '" + slug + "'");
		}
	}
}
