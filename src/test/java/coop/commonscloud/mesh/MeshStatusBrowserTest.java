package coop.commonscloud.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coop.commonscloud.HeadlessChromium;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** In Chromium: a steward approves a site on the core's mesh page and sees it connected, with its lag. */
class MeshStatusBrowserTest {

	MeshCluster mesh;
	WebDriver browser;
	File profile;

	@BeforeEach
	void start() throws Exception {
		mesh = new MeshCluster("library").start();
		profile = Files.createTempDirectory("mesh-chromium").toFile();
		browser = HeadlessChromium.start(profile.toPath(), 1600);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (mesh != null) {
			mesh.close();
		}
	}

	@Test
	void a_steward_approves_a_site_and_sees_it_connected_with_its_lag() {
		MeshCluster.Node core = mesh.core;
		await("the library asks to join").atMost(Duration.ofSeconds(60))
				.until(() -> core.send("GET", "/api/mesh/sites", MeshCluster.STEWARD, null).body().contains("\"library\""));

		browser.get(core.base() + "/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("steward-password-for-tests");
		browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		browser.get(core.base() + "/manage/mesh");
		assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("core");
		browser.findElement(By.xpath("//button[normalize-space()='Approve library']")).click();
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Approved site library");

		await("the library is shown connected").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			browser.get(core.base() + "/manage/mesh");
			return browser.findElements(By.cssSelector("#nodes tr[data-site=library] .mode")).stream()
					.anyMatch(mode -> mode.getText().equals("connected"));
		});
		WebElement row = browser.findElement(By.cssSelector("#nodes tr[data-site=library]"));
		assertThat(row.findElement(By.cssSelector("th")).getText()).isEqualTo("library");
		assertThat(row.findElement(By.cssSelector(".lag")).getText()).matches("\\d+\\.\\d s");
		assertThat(Double.parseDouble(row.findElement(By.cssSelector(".lag")).getText().replace(" s", ""))).isLessThan(4.0);
	}
}
