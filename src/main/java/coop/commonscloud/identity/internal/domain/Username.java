package coop.commonscloud.identity.internal.domain;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * A username in the three forms that keep look-alikes apart: as shown (NFKC, so full-width and
 * compatibility characters become their plain forms), canonical (NFKC with case folding: unique,
 * what sign-in matches) and its confusable skeleton (Unicode TS 39: unique too, so "pаypal" with a
 * Cyrillic а cannot sit beside "paypal"). A name mixing scripts in a way TS 39 calls more than
 * highly restrictive (Latin with Cyrillic, say) is not allowed at all.
 */
public record Username(String shown, String canonical, String skeleton, boolean mixesScripts) {

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
	private static final SpoofChecker SCRIPTS = new SpoofChecker.Builder()
			.setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE).build();

	public static Username of(String typed) {
		String shown = NFKC.normalize(typed.strip());
		String canonical = NFKC_CASEFOLD.normalize(shown);
		return new Username(shown, canonical, CONFUSABLES.getSkeleton(canonical), SCRIPTS.failsChecks(shown));
	}

	/** The form to look a typed name up by at sign-in. */
	public static String canonical(String typed) {
		return NFKC_CASEFOLD.normalize(NFKC.normalize(typed.strip()));
	}
}
