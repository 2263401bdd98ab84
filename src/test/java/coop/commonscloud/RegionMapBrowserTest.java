package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole way through a real browser: a steward signs in, adds a site on a partner's page, and
 * finds it on the region's map. Uses Debian's Chromium and its driver; nothing is downloaded, and
 * without them the test fails rather than skips, since CI installs them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegionMapBrowserTest {

	static final String STEWARD_PASSWORD = "steward-password-for-tests";

	/** An irregular region with a lake in it (a hole), around 145°E 37.8°S. */
	static final String BOUNDARY = """
			{"type":"Feature","properties":{"name":"Test region"},"geometry":{"type":"Polygon","coordinates":[
			 [[144.80,-37.95],[144.95,-38.02],[145.12,-37.98],[145.22,-37.86],[145.18,-37.70],[145.05,-37.62],
			  [144.90,-37.64],[144.78,-37.75],[144.80,-37.95]],
			 [[144.97,-37.84],[145.03,-37.86],[145.06,-37.81],[145.01,-37.78],[144.97,-37.84]]]}}""";

	@LocalServerPort
	int port;
	@Autowired
	Regions regions;
	@Autowired
	Partners partners;
	@Autowired
	Sites sites;
	@Autowired
	Servers servers;

	String suffix;
	RegionSlug region;
	Partner partner;
	Path profile;
	WebDriver browser;

	@BeforeEach
	void a_region_with_a_boundary_and_a_partner_with_servers_inside_and_outside() throws Exception {
		suffix = UUID.randomUUID().toString().substring(0, 6);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, List.of(new SimpleGrantedAuthority("ROLE_STEWARD"))));
		try {
			region = new RegionSlug("browser-" + suffix);
			regions.createOrRename(region, "Browser Bay " + suffix);
			regions.setBoundary(region, BOUNDARY);
			partner = partners.register(new PartnerDetails("Sunny Hosting Co-op " + suffix,
					Structure.REGISTERED_COOPERATIVE, "C-" + suffix, List.of()));
			Site hall = sites.add(new SiteDetails(region, partner.id(), "Town Hall", SiteKind.COMMUNITY_HOUSE,
					new Coordinates(-37.72, 144.92), "1 Hall Street"));
			Site shed = sites.add(new SiteDetails(region, partner.id(), "Far Shed", SiteKind.PARTNER_RACK,
					new Coordinates(-38.08, 145.20), null));
			servers.add(new ServerDetails(partner.id(), hall.id(), "hall-1", ServerRole.REGIONAL, "Small ARM board",
					15, 5, 1200, 400, null, null));
			servers.add(new ServerDetails(partner.id(), hall.id(), "hall-2", ServerRole.REGIONAL, null, 30, 10, 1200,
					400, null, null));
			servers.add(new ServerDetails(partner.id(), shed.id(), "shed-1", ServerRole.REGIONAL, null, 60, 20, 0, 0,
					null, null));
		} finally {
			SecurityContextHolder.clearContext();
		}
		browser = chromium();
	}

	@AfterEach
	void close_the_browser() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void a_site_added_on_the_partners_page_appears_on_the_region_map() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(STEWARD_PASSWORD);
		browser.findElement(By.cssSelector("form#sign-in button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/manage")));

		browser.get(url("/manage/partners/" + partner.id()));
		String siteName = "Library " + suffix;
		browser.findElement(By.id("site-name")).sendKeys(siteName);
		new Select(browser.findElement(By.id("site-kind"))).selectByValue("LIBRARY");
		new Select(browser.findElement(By.id("site-region"))).selectByValue(region.value());
		browser.findElement(By.id("site-latitude")).sendKeys("-37.90");
		browser.findElement(By.id("site-longitude")).sendKeys("145.08");
		browser.findElement(By.id("site-address")).sendKeys("12 Reading Road");
		browser.findElement(By.cssSelector("form#site-form button[type=submit]")).click();
		WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")));
		assertThat(notice.getText()).isEqualTo("Site '" + siteName + "' added");
		assertThat(browser.findElements(By.xpath("//table[@id='partner-sites']//th[text()='" + siteName + "']")))
				.hasSize(1);
		screenshot("partner-page");

		browser.get(url("/regions/" + region));
		WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("svg g.site[data-site-name='" + siteName + "']")));
		assertThat(mark.isDisplayed()).isTrue();
		assertThat(mark.findElement(By.tagName("text")).getText()).isEqualTo(siteName);
		assertThat(browser.findElements(By.cssSelector("svg g.boundaries path[fill-rule=evenodd]"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("svg g.server[data-qualifies=true]"))).hasSize(2);
		assertThat(browser.findElements(By.cssSelector("svg g.server[data-qualifies=false]"))).hasSize(1);
		screenshot("region-page");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws Exception {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, Path.of(System.getProperty("java.io.tmpdir"), "commonscloud-" + name + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private WebDriver chromium() throws Exception {
		profile = Files.createTempDirectory("commonscloud-chromium-");
		return HeadlessChromium.start(profile, 2200);
	}
}
