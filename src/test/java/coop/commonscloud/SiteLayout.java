package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What every page of the site has, so a test can check a page is not a bare one: the site's stylesheet, the header
 * with its main navigation, one main element to skip to, and the footer.
 */
public final class SiteLayout {

	private SiteLayout() {
	}

	public static void assertHasTheSiteLayout(Document page) {
		String title = page.title();
		assertThat(page.select("link[rel=stylesheet]").attr("href")).as("the site's stylesheet on '%s'", title)
				.matches("/css/site-[0-9a-f]{32}\\.css");
		assertThat(page.select("header.site-header nav[aria-label=Main] a[href=/governance]"))
				.as("the site's navigation on '%s'", title).hasSize(1);
		assertThat(page.select("a.skip-link[href=#main]")).as("the skip link on '%s'", title).hasSize(1);
		assertThat(page.select("main#main")).as("the main element on '%s'", title).hasSize(1);
		assertThat(page.select("footer.site-footer")).as("the footer on '%s'", title).hasSize(1);
	}

	public static void assertHasTheSiteLayout(String html) {
		assertHasTheSiteLayout(Jsoup.parse(html));
	}
}
