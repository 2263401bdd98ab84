package coop.commonscloud;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of bad input: text the database cannot store, absurd numbers and dates, identifiers
 * that are not, JSON that is not, and JSON shaped like a Java type (its record components' names, with
 * bad values), so that input gets past the parser to the validation behind it.
 */
final class BadInput {

	private BadInput() {
	}

	static final List<String> TEXTS = List.of("", " ", "\u0000", "nul\u0000inside", "\ud800", "half\udc00", "\ud83d",
			"\uffff\ufffe", "\ufeffbom", "\u202eevil", "😀🏳️‍🌈", "e\u0301", "\t\r\n", "null", "-1", "0", "admin",
			"'; drop table partner; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%00", "../../etc/passwd",
			"MIT AND (", "a@b", "@", "x".repeat(300), "y".repeat(10_000), "ä".repeat(70_000));

	static final List<String> NUMBERS = List.of("0", "-1", "1.5", "-0.0", "1e400", "-1e400", "1E-400", "2147483648",
			"-2147483649", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999",
			"1" + "0".repeat(1200), "0." + "1".repeat(1200));

	static final List<String> NUMBERS_AS_TEXT = List.of("NaN", "Infinity", "-1", "1e400", "12.345", "10.001",
			"10,00", "1,000.00", "$10", "0x10", "١٢", " 10 ", "99999999999999999999.99", "-0.01", "1e-400", "");

	static final List<String> DATES = List.of("+999999999-01-01", "-999999999-01-01T00:00:00Z", "0000-01-01",
			"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01", "2026-02-30", "2026-13-01",
			"2026-07-01T25:00:00Z", "2026-07-01", "2026-07-01T00:00:00Z", "2026-07", "1999-12", "9999-12", "P99999999999D",
			"PT-1S", "-P1D", "24:00", "yesterday", "");

	static final List<String> IDENTIFIERS = List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
			"not-a-uuid", "0", "-1", "99999999999999999999", "%", "..", " ", "ü", "a".repeat(300), "nul\u0000", "\ud800",
			"{id}", "x y", "a/b", "a;b");

	/** Bodies that are not what any endpoint takes, whatever its type. */
	static final List<String> BODIES = List.of("", "{", "}", "[", "null", "[]", "{}", "\"text\"", "123", "true",
			"{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "[".repeat(5000) + "]".repeat(5000),
			"{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "1".repeat(5000), "{\"\u0000\":1}", "{\"\\u0000\":1}",
			"\"\\ud800\"", "{\"__proto__\":{\"admin\":true}}", "<xml/>", "a=1&b=2");

	static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(4, Arbitraries.of(TEXTS)),
				net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)));
	}

	/** A value for a form field or query parameter of the given type, as text. */
	static Arbitrary<String> formValue(Type type, List<String> knownIds) {
		Class<?> raw = raw(type);
		List<Arbitrary<String>> shaped;
		if (Number.class.isAssignableFrom(boxed(raw))) {
			shaped = List.of(Arbitraries.of(NUMBERS), Arbitraries.of(NUMBERS_AS_TEXT));
		} else if (Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
			shaped = List.of(Arbitraries.of(DATES));
		} else if (raw == UUID.class || raw.isRecord()) {
			shaped = List.of(Arbitraries.of(IDENTIFIERS), Arbitraries.of(knownIds));
		} else if (raw.isEnum()) {
			shaped = List.of(enumNames(raw));
		} else if (boxed(raw) == Boolean.class) {
			shaped = List.of(Arbitraries.of("true", "false", "on", "yes", "2", ""));
		} else {
			shaped = List.of(text());
		}
		return Arbitraries.oneOf(Arbitraries.oneOf(shaped), Arbitraries.oneOf(shaped), text());
	}

	/** JSON text shaped like the type, with bad values; now and then plain bad JSON of another shape. */
	static Arbitrary<String> json(Type type, List<String> knownIds, int depth) {
		Class<?> raw = raw(type);
		Arbitrary<String> shaped;
		if (depth > 3 || raw == Object.class || raw.getName().startsWith("tools.jackson")
				|| raw.getName().startsWith("com.fasterxml")) {
			shaped = anyJson();
		} else if (raw == String.class || CharSequence.class.isAssignableFrom(raw)) {
			shaped = text().map(BadInput::quoted);
		} else if (Number.class.isAssignableFrom(boxed(raw))) {
			shaped = Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.of(NUMBERS_AS_TEXT).map(BadInput::quoted));
		} else if (boxed(raw) == Boolean.class) {
			shaped = Arbitraries.of("true", "false", "\"yes\"", "1", "null");
		} else if (Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
			shaped = Arbitraries.oneOf(Arbitraries.of(DATES).map(BadInput::quoted),
					Arbitraries.of("-62135596801", "253402300800", "1e20", "9223372036854775807", "-1"));
		} else if (raw == UUID.class) {
			shaped = Arbitraries.oneOf(Arbitraries.of(IDENTIFIERS), Arbitraries.of(knownIds)).map(BadInput::quoted);
		} else if (raw.isEnum()) {
			shaped = enumNames(raw).map(BadInput::quoted);
		} else if (raw.isRecord() && raw.getRecordComponents().length == 1
				&& raw.getRecordComponents()[0].getType() == UUID.class) {
			shaped = Arbitraries.oneOf(Arbitraries.of(IDENTIFIERS), Arbitraries.of(knownIds)).map(BadInput::quoted);
		} else if (raw.isRecord()) {
			shaped = object(Arrays.stream(raw.getRecordComponents())
					.map(component -> Map.entry(component.getName(), component.getGenericType())).toList(), knownIds, depth);
		} else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			Type element = argument(type, 0);
			Arbitrary<String> one = json(element, knownIds, depth + 1);
			shaped = Arbitraries.oneOf(one.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
					one.map(item -> "[" + (item + ",").repeat(3000) + item + "]"));
		} else if (Map.class.isAssignableFrom(raw)) {
			Arbitrary<String> key = Arbitraries.oneOf(text(), raw(argument(type, 0)).isEnum()
					? enumNames(raw(argument(type, 0))) : text());
			Arbitrary<String> value = json(argument(type, 1), knownIds, depth + 1);
			shaped = Combinators.combine(key, value).as((k, v) -> quoted(k) + ":" + v).list().ofMaxSize(3)
					.map(entries -> "{" + String.join(",", entries) + "}");
		} else {
			shaped = anyJson();
		}
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, shaped), net.jqwik.api.Tuple.of(1, anyJson()));
	}

	/** An object with the given fields, some missing, plus now and then a field no type has. */
	private static Arbitrary<String> object(List<Map.Entry<String, Type>> fields, List<String> knownIds, int depth) {
		List<Arbitrary<String>> members = fields.stream()
				.map(field -> json(field.getValue(), knownIds, depth + 1).map(value -> quoted(field.getKey()) + ":" + value)
						.injectNull(0.15))
				.toList();
		Arbitrary<String> unknown = Arbitraries.of("", "\"unknownField\":1", "\"\":\"\"", "\"id\":\"" + UUID.randomUUID() + "\"")
				.injectDuplicates(0.1);
		Arbitrary<List<String>> present = members.isEmpty() ? Arbitraries.just(List.of())
				: Combinators.combine(members).as(values -> values);
		return Combinators.combine(present, unknown).as((values, extra) -> {
			StringBuilder object = new StringBuilder("{");
			for (String value : values) {
				if (value != null) {
					object.append(object.length() > 1 ? "," : "").append(value);
				}
			}
			if (!extra.isEmpty()) {
				object.append(object.length() > 1 ? "," : "").append(extra);
			}
			return object.append('}').toString();
		});
	}

	static Arbitrary<String> anyJson() {
		return Arbitraries.oneOf(Arbitraries.of("null", "true", "[]", "{}", "{\"a\":[1,{}]}", "[null]"),
				Arbitraries.of(NUMBERS), text().map(BadInput::quoted));
	}

	private static Arbitrary<String> enumNames(Class<?> type) {
		List<String> names = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
		return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of(names).map(String::toLowerCase),
				Arbitraries.of("", "NOT_A_VALUE", "0", "\u0000"));
	}

	/** A JSON string literal; lone surrogates and control characters go as \\u escapes, as a client would send them. */
	static String quoted(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			} else if (c < 0x20 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1)))) {
				json.append(String.format("\\u%04x", (int) c));
			} else if (Character.isHighSurrogate(c)) {
				json.append(c).append(text.charAt(++i));
			} else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	static Class<?> raw(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return raw(p.getRawType());
		}
		if (type instanceof GenericArrayType) {
			return Object[].class;
		}
		if (type instanceof WildcardType w) {
			return raw(w.getUpperBounds()[0]);
		}
		return Object.class;
	}

	private static Type argument(Type type, int index) {
		if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
			return p.getActualTypeArguments()[index];
		}
		if (type instanceof Class<?> c && c.isArray()) {
			return c.getComponentType();
		}
		return Object.class;
	}

	private static Class<?> boxed(Class<?> type) {
		if (!type.isPrimitive()) {
			return type == BigDecimal.class || type == BigInteger.class ? Number.class : type;
		}
		return switch (type.getName()) {
			case "boolean" -> Boolean.class;
			case "char" -> Character.class;
			default -> Number.class;
		};
	}
}
