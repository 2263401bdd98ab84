package coop.commonscloud.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text and dates the database cannot store are refused where input is read, before any module sees
 * it: PostgreSQL refuses a NUL character in text, and Java strings can hold half of a surrogate pair,
 * which is not Unicode and cannot be written as UTF-8. Dates are held to years 1 to 9999.
 * {@link #jacksonModule()} applies this to every JSON string, tree and date the API reads.
 */
public final class StrictInput {

	public static final int FIRST_YEAR = 1;
	public static final int LAST_YEAR = 9999;
	private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
	private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private StrictInput() {
	}

	/** What is wrong with the text, for a sentence that starts with the field's name; null when nothing is. */
	public static String problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "contains a NUL character (\\u0000) at position " + (i + 1) + "; remove it";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			} else if (Character.isSurrogate(c)) {
				return "contains half of a surrogate pair (\\u" + Integer.toHexString(c).toUpperCase() + ") at position "
						+ (i + 1) + ", which is not Unicode text; send valid UTF-8";
			}
		}
		return null;
	}

	/** What is wrong with the date, or null: only years {@value #FIRST_YEAR} to {@value #LAST_YEAR} are taken. */
	public static String problem(TemporalAccessor date) {
		boolean outside = date instanceof Instant instant ? instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)
				: date.isSupported(ChronoField.YEAR) && (date.get(ChronoField.YEAR) < FIRST_YEAR || date.get(ChronoField.YEAR) > LAST_YEAR);
		return outside ? "must be a date in the years " + FIRST_YEAR + " to " + LAST_YEAR : null;
	}

	/** The first bad text in a JSON tree, named by its path inside the tree; null when there is none. */
	public static String problem(JsonNode node) {
		return problem(node, "");
	}

	private static String problem(JsonNode node, String path) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			String problem = problem(node.stringValue());
			return problem == null ? null : (path.isEmpty() ? "" : "at '" + path + "' ") + problem;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String problem = problem(node.get(i), path + "[" + i + "]");
				if (problem != null) {
					return problem;
				}
			}
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
				String inName = problem(property.getKey());
				if (inName != null) {
					return "has a property name that " + inName;
				}
				String problem = problem(property.getValue(), name);
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	/** Refuses bad text and out-of-range dates in every JSON string, tree and date, naming the field by its path. */
	public static JacksonModule jacksonModule() {
		return addTo(new SimpleModule("strict-input"));
	}

	/** Adds the checks of {@link #jacksonModule()} to a module; trees are read by their own deserializer, so it is replaced. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static SimpleModule addTo(SimpleModule module) {
		module.setDeserializerModifier(new Checks());
		module.addDeserializer(JsonNode.class, (ValueDeserializer) new Checked(JsonNodeDeserializer.getDeserializer(JsonNode.class)));
		return module;
	}

	/** A value refused while reading JSON; Jackson adds the path of the field to it. */
	public static final class Refused extends MismatchedInputException {

		private final String reason;

		Refused(JsonParser parser, String reason, Class<?> type) {
			super(parser, reason, type);
			this.reason = reason;
		}

		/** Why, for a sentence that starts with the field's name. */
		public String reason() {
			return reason;
		}
	}

	private static final class Checks extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
				ValueDeserializer<?> deserializer) {
			Class<?> type = deserializer.handledType();
			boolean checked = type == String.class || (type != null && JsonNode.class.isAssignableFrom(type))
					|| type == Instant.class || type == LocalDate.class || type == LocalDateTime.class
					|| type == OffsetDateTime.class || type == ZonedDateTime.class;
			return checked ? new Checked(deserializer) : deserializer;
		}
	}

	private static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			return checked(parser, super.deserialize(parser, context));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
			return checked(parser, super.deserialize(parser, context, into));
		}

		private Object checked(JsonParser parser, Object value) {
			String problem = value instanceof CharSequence text ? problem(text)
					: value instanceof JsonNode tree ? problem(tree)
					: value instanceof TemporalAccessor date ? problem(date) : null;
			if (problem != null) {
				throw new Refused(parser, problem, handledType());
			}
			return value;
		}
	}
}
