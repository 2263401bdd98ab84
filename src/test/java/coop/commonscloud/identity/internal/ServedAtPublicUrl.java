package coop.commonscloud.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For tests whose services check the issuer, as relying parties do. The issuer is {@code commonscloud.public-url},
 * never the address a request came in on, so the region listens on a port chosen before it starts and its public URL
 * names that port: the issuer a service discovers is the address it reaches. Every class extending this shares one
 * application context, and so one port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(LoginPageStub.class)
public abstract class ServedAtPublicUrl {

	public static final int PORT = freePort();

	/** The region's public URL and so its issuer; services reach it as 127.0.0.1, so cookies for localhost stay apart. */
	public static final String PUBLIC_URL = "http://127.0.0.1:" + PORT;

	/** The region the deployment serves in these tests, so the {@code region} claim has a slug to carry. */
	public static final String HOME_REGION = "public-url-home";

	@DynamicPropertySource
	static void servedAtPublicUrl(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("commonscloud.public-url", () -> PUBLIC_URL);
		properties.add("commonscloud.region.home", () -> HOME_REGION);
	}

	/** A steward makes the home region (again is harmless: it keeps its name). */
	protected static void theHomeRegionExists() {
		var made = new StewardCalls(PUBLIC_URL).asSteward("PUT", "/api/regions/" + HOME_REGION,
				"{\"name\":\"The public-url tests' region\"}");
		if (made.statusCode() / 100 != 2) {
			throw new AssertionError("making the home region: " + made.statusCode() + " " + made.body());
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
