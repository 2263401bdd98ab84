package coop.commonscloud.platform;

/** CSV for exports that stewards open in spreadsheets. */
public final class Csv {

	private Csv() {
	}

	/** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it. */
	public static String field(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}
}
