package coop.commonscloud.identity.internal.provider;

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

	/** The attributes text last read for each authorization id, so a save can tell they did not change. */
	private final Map<String, String> readText = Collections.synchronizedMap(
			new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
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
		readText.put(withoutAttributes.getId(), text);
		Map<String, Object> values = attributes;
		return OAuth2Authorization.from(withoutAttributes).attributes(all -> all.putAll(values)).build();
	}

	/**
	 * Whether an authorization about to be saved holds exactly the attributes last read for its id (a
	 * refresh grant copies them unchanged), so the stored text already says what it would be written
	 * as. Compared as maps: the values are the very objects parsed from that text; anything replaced
	 * or added compares unequal and is written out again.
	 */
	boolean unchangedSinceRead(OAuth2Authorization authorization) {
		String text = readText.get(authorization.getId());
		Map<String, Object> read = text == null ? null : parsed.get(text);
		return read != null && read.equals(authorization.getAttributes());
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
