package coop.commonscloud.payouts.internal;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/** The characters the Australian direct entry (BECS) system accepts, and turning other text into them. */
final class AbaText {

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9 &'()*+,\\-./]*");
	private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

	private AbaText() {
	}

	static boolean allowed(String text) {
		return ALLOWED.matcher(text).matches();
	}

	/** Transliterates to ASCII and replaces anything still outside the BECS set with a space. */
	static String clean(String text) {
		String ascii = TO_ASCII.transliterate(text == null ? "" : text);
		StringBuilder out = new StringBuilder(ascii.length());
		for (char c : ascii.toCharArray()) {
			out.append(allowed(String.valueOf(c)) ? c : ' ');
		}
		return out.toString();
	}

	/** Left-justified, blank-filled, cut to the width. */
	static String left(String text, int width) {
		String t = clean(text);
		return t.length() >= width ? t.substring(0, width) : t + " ".repeat(width - t.length());
	}

	/** Right-justified, blank-filled. */
	static String rightBlank(String text, int width) {
		String t = clean(text);
		if (t.length() > width) {
			throw new IllegalArgumentException("'" + t + "' is longer than " + width);
		}
		return " ".repeat(width - t.length()) + t;
	}

	/** Right-justified, zero-filled. */
	static String zeros(long value, int width) {
		String t = Long.toString(value);
		if (value < 0 || t.length() > width) {
			throw new IllegalArgumentException(value + " does not fit " + width + " digits");
		}
		return "0".repeat(width - t.length()) + t;
	}
}
