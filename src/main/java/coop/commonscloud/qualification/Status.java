package coop.commonscloud.qualification;

/**
 * A partner's overall qualification status. The rule (see docs/qualification.md): suspended while a
 * sanction case has reached "no new sign-ups" or removal; otherwise qualified when every partner
 * criterion is met, not qualified when any is not met, and provisional while some are only
 * pending or expired.
 */
public enum Status {
	QUALIFIED("qualified"),
	PROVISIONAL("provisional"),
	NOT_QUALIFIED("not qualified"),
	SUSPENDED("suspended");

	private final String label;

	Status(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
