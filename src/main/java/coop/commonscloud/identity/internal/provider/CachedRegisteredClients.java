package coop.commonscloud.identity.internal.provider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Remembers registered clients for a minute: every token request reads its client (often twice),
 * and clients are region data that change rarely. A change made through this node is seen at once;
 * one replicated from the core is seen within the minute.
 */
final class CachedRegisteredClients implements RegisteredClientRepository {

	private static final long TTL = Duration.ofMinutes(1).toNanos();

	private record Entry(RegisteredClient client, long readAt) {
		boolean fresh() {
			return System.nanoTime() - readAt < TTL;
		}
	}

	private final RegisteredClientRepository delegate;
	private final Map<String, Entry> byId = new ConcurrentHashMap<>();
	private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

	CachedRegisteredClients(RegisteredClientRepository delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(RegisteredClient client) {
		delegate.save(client);
		byId.remove(client.getId());
		byClientId.remove(client.getClientId());
	}

	@Override
	public RegisteredClient findById(String id) {
		Entry entry = byId.get(id);
		if (entry != null && entry.fresh()) {
			return entry.client();
		}
		return remember(delegate.findById(id));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		Entry entry = byClientId.get(clientId);
		if (entry != null && entry.fresh()) {
			return entry.client();
		}
		return remember(delegate.findByClientId(clientId));
	}

	private RegisteredClient remember(RegisteredClient client) {
		if (client != null) {
			Entry entry = new Entry(client, System.nanoTime());
			byId.put(client.getId(), entry);
			byClientId.put(client.getClientId(), entry);
		}
		return client;
	}
}
