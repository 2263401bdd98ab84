package coop.commonscloud.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the source of this platform is published, {@code commonscloud.source-url}, for the footer of every page
 * (read there as {@code @platformSource}): the AGPL asks a network service to offer its users its source. There is no
 * default, because only the operator knows where the source of what they run (with their changes) is published.
 */
@Component("platformSource")
class PlatformSource {

	private static final Logger log = LoggerFactory.getLogger(PlatformSource.class);

	private final String url;

	PlatformSource(@Value("${commonscloud.source-url:}") String url) {
		this.url = url.isBlank() ? null : url.strip();
		if (this.url == null) {
			log.warn("commonscloud.source-url is not set, so the pages do not link to this platform's source: the AGPL "
					+ "asks a network service to offer it to its users; set it to where the source you run is published");
		}
	}

	/** The address of the source, or null when none is set. */
	public String url() {
		return url;
	}
}
