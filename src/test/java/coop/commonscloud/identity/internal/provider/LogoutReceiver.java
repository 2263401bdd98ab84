package coop.commonscloud.identity.internal.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's back-channel logout endpoint, as small as one can be: the JDK's HTTP server on 127.0.0.1, keeping
 * every logout token POSTed to {@link #PATH} and the content type it came with, answering 503 while told to refuse.
 */
final class LogoutReceiver implements AutoCloseable {

	static final String PATH = "/backchannel-logout";

	/** One POST as received. */
	record Received(String contentType, String logoutToken, int answered) {
	}

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final AtomicInteger refusalsLeft = new AtomicInteger();

	private LogoutReceiver(int port) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext(PATH, exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
			String token = null;
			for (String pair : body.split("&")) {
				if (pair.startsWith("logout_token=")) {
					token = URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.US_ASCII);
				}
			}
			int status = refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 503 : 200;
			received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), token, status));
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	static LogoutReceiver start() {
		return new LogoutReceiver(0);
	}

	/** On a given port: a service that was down comes back where it was registered. */
	static LogoutReceiver startOn(int port) {
		return new LogoutReceiver(port);
	}

	String uri() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
	}

	/** Answers 503 to the next {@code times} POSTs, as a service that is restarting. */
	LogoutReceiver refusing(int times) {
		refusalsLeft.set(times);
		return this;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	/** The tokens this service accepted (answered 2xx). */
	List<String> accepted() {
		return received.stream().filter(r -> r.answered() / 100 == 2).map(Received::logoutToken).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
