package coop.commonscloud.qualification;

import java.util.ArrayList;
import java.util.List;

/**
 * One criterion's verdict with its reasons. A business outcome, so a value: callers handle every
 * case. {@link Pending} lists what is missing; {@link Expired} says what is too old.
 */
public sealed interface Verdict {

	List<String> reasons();

	/** MET, NOT_MET, PENDING or EXPIRED, as recorded. */
	String code();

	record Met(List<String> reasons) implements Verdict {
		public Met {
			reasons = List.copyOf(reasons);
		}

		@Override
		public String code() {
			return "MET";
		}
	}

	record NotMet(List<String> reasons) implements Verdict {
		public NotMet {
			reasons = List.copyOf(reasons);
		}

		@Override
		public String code() {
			return "NOT_MET";
		}
	}

	record Pending(List<String> reasons) implements Verdict {
		public Pending {
			reasons = List.copyOf(reasons);
		}

		@Override
		public String code() {
			return "PENDING";
		}
	}

	record Expired(List<String> reasons) implements Verdict {
		public Expired {
			reasons = List.copyOf(reasons);
		}

		@Override
		public String code() {
			return "EXPIRED";
		}
	}

	static Verdict met(String reason) {
		return new Met(List.of(reason));
	}

	static Verdict notMet(String reason) {
		return new NotMet(List.of(reason));
	}

	static Verdict pending(String reason) {
		return new Pending(List.of(reason));
	}

	static Verdict of(String code, List<String> reasons) {
		return switch (code) {
			case "MET" -> new Met(reasons);
			case "NOT_MET" -> new NotMet(reasons);
			case "PENDING" -> new Pending(reasons);
			case "EXPIRED" -> new Expired(reasons);
			default -> throw new IllegalArgumentException("No verdict " + code);
		};
	}

	/**
	 * The verdict of a criterion made of parts: not met if any part is not met (with those parts'
	 * reasons); else expired if any part expired; else pending if any part is pending (with the
	 * reasons of the expired and pending parts); else met, with every part's reasons.
	 */
	static Verdict allOf(List<Verdict> parts) {
		List<String> notMet = reasonsOf(parts, NotMet.class);
		if (!notMet.isEmpty()) {
			return new NotMet(notMet);
		}
		List<String> open = new ArrayList<>(reasonsOf(parts, Expired.class));
		boolean expired = !open.isEmpty();
		open.addAll(reasonsOf(parts, Pending.class));
		if (expired) {
			return new Expired(open);
		}
		if (!open.isEmpty()) {
			return new Pending(open);
		}
		return new Met(reasonsOf(parts, Met.class));
	}

	private static List<String> reasonsOf(List<Verdict> parts, Class<? extends Verdict> kind) {
		return parts.stream().filter(kind::isInstance).flatMap(v -> v.reasons().stream()).toList();
	}
}
