package coop.commonscloud.catalogue.internal;

import coop.commonscloud.catalogue.internal.domain.LicenceTerm;
import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.expandedlicensing.ConjunctiveLicenseSet;
import org.spdx.library.model.v3_0_1.expandedlicensing.CustomLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.DisjunctiveLicenseSet;
import org.spdx.library.model.v3_0_1.expandedlicensing.LicenseAddition;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicenseException;
import org.spdx.library.model.v3_0_1.expandedlicensing.OrLaterOperator;
import org.spdx.library.model.v3_0_1.expandedlicensing.WithAdditionOperator;
import org.spdx.library.model.v3_0_1.simplelicensing.AnyLicenseInfo;
import org.spdx.library.model.v3_0_1.simplelicensing.InvalidLicenseExpression;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Reads SPDX licence expressions with the SPDX project's own parser (java-spdx-library) and the
 * licence list bundled in its jar. It never goes to the network: the library is told to use only
 * its bundled list before it first loads (see {@code resources/spdx-java-library.properties}).
 *
 * <p>The library's parser rejects identifiers that are on no list; the rule wants those judged
 * "not free, unknown identifier" rather than refused as garbage. So before parsing, every
 * well-formed identifier that is neither listed nor a {@code LicenseRef-}/{@code AdditionRef-}
 * is swapped for a placeholder reference, and swapped back when the tree is read. Anything else
 * the parser rejects (unbalanced parentheses, stray characters, missing operands) is invalid input.
 */
final class SpdxLicenceReader {

	static final String OFFLINE_PROPERTY = "org.spdx.useJARLicenseInfoOnly";
	static final int MAX_LENGTH = 1000;

	private static final Pattern IDSTRING = Pattern.compile("[A-Za-z0-9.\\-]+");
	private static final Set<String> OPERATORS = Set.of("AND", "OR", "WITH", "and", "or", "with");
	private static final String PREFIX = "urn:commonscloud:licence-expression:";

	static {
		// must hold before the library first loads its list, or it tries spdx.org first
		System.setProperty(OFFLINE_PROPERTY, "true");
		SpdxModelFactory.init();
	}

	/** The version of the SPDX licence list bundled with the library. */
	String listVersion() {
		return LicenseInfoFactory.getLicenseListVersion();
	}

	boolean isListedLicence(String id) {
		return LicenseInfoFactory.isSpdxListedLicenseId(id);
	}

	/**
	 * Parsed expressions by their text. The bundled list never changes while the application runs,
	 * so a parse is a pure function of the text; bounded so that odd inputs cannot grow it forever.
	 */
	private final Map<String, LicenceTerm> parsed = new java.util.concurrent.ConcurrentHashMap<>();
	private static final int CACHE_LIMIT = 2000;

	LicenceTerm read(String expression) {
		if (expression != null) {
			LicenceTerm known = parsed.get(expression);
			if (known != null) {
				return known;
			}
		}
		LicenceTerm term = parse(expression);
		if (parsed.size() < CACHE_LIMIT) {
			parsed.put(expression, term);
		}
		return term;
	}

	private LicenceTerm parse(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new InvalidInput("Give a licence expression, such as 'AGPL-3.0-or-later' or 'Apache-2.0 OR MIT'");
		}
		if (expression.length() > MAX_LENGTH) {
			throw new InvalidInput("A licence expression is at most " + MAX_LENGTH + " characters");
		}
		String nonce = "LicenseRef-unlisted-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Map<String, String> placeholders = new HashMap<>();
		String prepared = withPlaceholders(expression, nonce, placeholders);
		AnyLicenseInfo tree;
		synchronized (SpdxLicenceReader.class) {
			// a fresh store per expression: the library adds every parsed node to the store it is given
			tree = parseWithLibrary(prepared);
		}
		if (tree instanceof InvalidLicenseExpression invalid) {
			throw new InvalidInput("'" + expression + "' is not a valid SPDX licence expression: "
					+ restore(message(invalid), placeholders) + ". Write it as in the SPDX specification, for example "
					+ "'AGPL-3.0-or-later', 'Apache-2.0 OR MIT' or 'GPL-2.0-or-later WITH Classpath-exception-2.0'");
		}
		try {
			return term(tree, placeholders);
		} catch (InvalidSPDXAnalysisException e) {
			throw new IllegalStateException("Could not read the parsed licence expression '" + expression + "'", e);
		}
	}

	private static AnyLicenseInfo parseWithLibrary(String expression) {
		try {
			return LicenseInfoFactory.parseSPDXLicenseString(expression, new InMemSpdxStore(), PREFIX, null, null);
		} catch (InvalidSPDXAnalysisException e) {
			throw new IllegalStateException("The SPDX library could not parse '" + expression + "'", e);
		}
	}

	/** Tokenizes as the library does (whitespace, parentheses, a trailing '+') and swaps unlisted identifiers. */
	private static String withPlaceholders(String expression, String nonce, Map<String, String> placeholders) {
		List<String> tokens = new ArrayList<>();
		for (String word : expression.strip().split("\\s+")) {
			split(word, tokens);
		}
		List<String> out = new ArrayList<>();
		boolean afterWith = false;
		for (String token : tokens) {
			String replaced = token;
			boolean operand = !OPERATORS.contains(token) && !"(".equals(token) && !")".equals(token) && !"+".equals(token);
			if (operand && IDSTRING.matcher(token).matches()) {
				String lower = token.toLowerCase(Locale.ROOT);
				if (afterWith && !LicenseInfoFactory.isSpdxListedExceptionId(token) && !lower.startsWith("additionref-")) {
					replaced = "AdditionRef-" + nonce.substring("LicenseRef-".length()) + placeholders.size();
					placeholders.put(replaced, token);
				} else if (!afterWith && !LicenseInfoFactory.isSpdxListedLicenseId(token) && !lower.startsWith("licenseref-")
						&& !LicenseInfoFactory.isSpdxListedExceptionId(token)) {
					replaced = nonce + placeholders.size();
					placeholders.put(replaced, token);
				}
			}
			afterWith = "WITH".equals(token) || "with".equals(token);
			out.add(replaced);
		}
		return String.join(" ", out);
	}

	private static void split(String word, List<String> tokens) {
		if (word.isEmpty()) {
			return;
		}
		if (word.startsWith("(")) {
			tokens.add("(");
			split(word.substring(1), tokens);
		} else if (word.endsWith(")")) {
			split(word.substring(0, word.length() - 1), tokens);
			tokens.add(")");
		} else if (word.endsWith("+")) {
			split(word.substring(0, word.length() - 1), tokens);
			tokens.add("+");
		} else {
			tokens.add(word);
		}
	}

	private static String message(InvalidLicenseExpression invalid) {
		try {
			String message = invalid.getMessage();
			int cut = message.indexOf(" License expression: '");
			return (cut > 0 ? message.substring(0, cut) : message).strip().replaceAll("\\.$", "");
		} catch (InvalidSPDXAnalysisException e) {
			return "the SPDX parser rejected it";
		}
	}

	private static String restore(String text, Map<String, String> placeholders) {
		String restored = text;
		for (Map.Entry<String, String> entry : placeholders.entrySet()) {
			restored = restored.replace(entry.getKey(), entry.getValue());
		}
		return restored;
	}

	private static LicenceTerm term(AnyLicenseInfo info, Map<String, String> placeholders) throws InvalidSPDXAnalysisException {
		if (info instanceof ConjunctiveLicenseSet all) {
			List<LicenceTerm> terms = new ArrayList<>();
			for (AnyLicenseInfo member : all.getMembers()) {
				terms.add(term(member, placeholders));
			}
			return new LicenceTerm.AllOf(terms);
		}
		if (info instanceof DisjunctiveLicenseSet any) {
			List<LicenceTerm> terms = new ArrayList<>();
			for (AnyLicenseInfo member : any.getMembers()) {
				terms.add(term(member, placeholders));
			}
			return new LicenceTerm.AnyOf(terms);
		}
		if (info instanceof OrLaterOperator orLater) {
			return new LicenceTerm.OrLater(term(orLater.getSubjectLicense(), placeholders));
		}
		if (info instanceof WithAdditionOperator with) {
			return new LicenceTerm.WithException(term(with.getSubjectExtendableLicense(), placeholders),
					addition(with.getSubjectAddition(), placeholders));
		}
		if (info instanceof ListedLicense listed) {
			return new LicenceTerm.Listed(lastSegment(listed.getObjectUri()), listed.getIsOsiApproved().orElse(false),
					listed.getIsFsfLibre().orElse(false), listed.getIsDeprecatedLicenseId().orElse(false));
		}
		if (info instanceof CustomLicense custom) {
			String id = custom.getObjectUri().substring(PREFIX.length());
			String original = placeholders.get(id);
			return original != null ? new LicenceTerm.Unknown(original) : new LicenceTerm.Reference(id);
		}
		// NOASSERTION, NONE, external references: nothing the rule can accept
		return new LicenceTerm.Unknown(info.getObjectUri());
	}

	private static LicenceTerm.Addition addition(LicenseAddition addition, Map<String, String> placeholders) {
		if (addition instanceof ListedLicenseException listed) {
			return new LicenceTerm.ListedException(lastSegment(listed.getObjectUri()));
		}
		String uri = addition.getObjectUri();
		String id = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : uri;
		return new LicenceTerm.UnlistedException(placeholders.getOrDefault(id, id));
	}

	private static String lastSegment(String uri) {
		return uri.substring(uri.lastIndexOf('/') + 1);
	}
}
