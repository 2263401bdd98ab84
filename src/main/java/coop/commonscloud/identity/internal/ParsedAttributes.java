package coop.commonscloud.identity.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads authorization rows as Spring Authorization Server does, but parses the {@code attributes}
 * column (the signed-in principal and the original authorization request: the same text for the
 * whole life of a refresh-token family) once per distinct text rather than on every token request,
 * where it was the largest part of the JSON work. The memo is keyed by the stored text itself, so
 * it never answers anything but what the row read just now says; the row is still read from
 * PostgreSQL every time. Bounded (least recently used out), so memory stays flat.
 */
final class ParsedAttributes implements RowMapper<OAuth2Authorization> {

	private static final int REMEMBERED = 1_000;
	private static final String COLUMN = "attributes";

	private final RowMapper<OAuth2Authorization> rest;
	private final JsonMapper json = JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(ParsedAttributes.class.getClassLoader())).build();
	private final Map<String, Map<String, Object>> parsed = Collections.synchronizedMap(
			new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
					return size() > REMEMBERED;
				}
			});

	ParsedAttributes(RegisteredClientRepository clients) {
		this.rest = new JsonMapperOAuth2AuthorizationRowMapper(clients, json);
	}

	@Override
	public OAuth2Authorization mapRow(ResultSet row, int rowNumber) throws SQLException {
		String text = row.getString(COLUMN);
		OAuth2Authorization withoutAttributes = rest.mapRow(withoutAttributes(row), rowNumber);
		if (text == null || text.isBlank()) {
			return withoutAttributes;
		}
		Map<String, Object> attributes = parsed.get(text);
		if (attributes == null) {
			attributes = Collections.unmodifiableMap(json.readValue(text, new TypeReference<Map<String, Object>>() {
			}));
			parsed.put(text, attributes);
		}
		Map<String, Object> values = attributes;
		return OAuth2Authorization.from(withoutAttributes).attributes(all -> all.putAll(values)).build();
	}

	/** The row as it is, except that its attributes column reads as empty. */
	private static ResultSet withoutAttributes(ResultSet row) {
		return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
				(proxy, method, arguments) -> {
					if ("getString".equals(method.getName()) && arguments != null && arguments.length == 1
							&& COLUMN.equals(arguments[0])) {
						return null;
					}
					try {
						return method.invoke(row, arguments);
					} catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}
}
