package coop.commonscloud.qualification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One criterion's verdict with its reasons. A business outcome, so a value: callers switch on its
 * {@link Code} and handle every case. A pending verdict lists what is missing; an expired one says
 * what is too old.
 */
public record Verdict(Code code, List<String> reasons) {

	/** What a verdict says, as recorded. */
	public enum Code {
		MET, NOT_MET, PENDING, EXPIRED;

		/** "met", "not met", "pending" or "expired", for people to read. */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}
	}

	public Verdict {
		Objects.requireNonNull(code, "code");
		reasons = List.copyOf(reasons);
	}

	public static Verdict met(String reason) {
		return new Verdict(Code.MET, List.of(reason));
	}

	public static Verdict notMet(String reason) {
		return new Verdict(Code.NOT_MET, List.of(reason));
	}

	public static Verdict pending(String reason) {
		return new Verdict(Code.PENDING, List.of(reason));
	}

	public static Verdict expired(String reason) {
		return new Verdict(Code.EXPIRED, List.of(reason));
	}

	public boolean is(Code other) {
		return code == other;
	}

	/**
	 * The verdict of a criterion made of parts: not met if any part is not met (with those parts'
	 * reasons); else expired if any part expired; else pending if any part is pending (with the
	 * reasons of the expired and pending parts); else met, with every part's reasons.
	 */
	public static Verdict allOf(List<Verdict> parts) {
		List<String> notMet = reasonsOf(parts, Code.NOT_MET);
		if (!notMet.isEmpty()) {
			return new Verdict(Code.NOT_MET, notMet);
		}
		List<String> open = new ArrayList<>(reasonsOf(parts, Code.EXPIRED));
		boolean expired = !open.isEmpty();
		open.addAll(reasonsOf(parts, Code.PENDING));
		if (expired) {
			return new Verdict(Code.EXPIRED, open);
		}
		if (!open.isEmpty()) {
			return new Verdict(Code.PENDING, open);
		}
		return new Verdict(Code.MET, reasonsOf(parts, Code.MET));
	}

	private static List<String> reasonsOf(List<Verdict> parts, Code code) {
		return parts.stream().filter(v -> v.is(code)).flatMap(v -> v.reasons().stream()).toList();
	}
}
