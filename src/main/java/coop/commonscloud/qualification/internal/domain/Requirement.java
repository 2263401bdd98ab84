package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Criterion;

/** A piece of evidence a criterion asks for, with what the partner should do to provide it. */
public enum Requirement {
	CONSTITUTION(Criterion.STRUCTURAL_ALIGNMENT, "Solidarity-economy structure enshrined in a constitution",
			"Submit the constitution or rules that enshrine the co-operative structure; a registered co-operative "
					+ "with its registration number on record needs none"),
	LABOUR_SOLIDARITY(Criterion.STRUCTURAL_ALIGNMENT, "Labour solidarity",
			"Show how the partner takes part in labour solidarity, for example full union membership"),
	COMMONS_STEWARDSHIP(Criterion.COMMONS_STEWARDSHIP, "Method for the rights of users and of people excluded",
			"Describe the documented method for the rights of current users and of people in the region with similar needs who may be excluded"),
	END_OF_LIFE_DATA_RETURN(Criterion.END_OF_LIFE_PLAN, "End of life: all data returned to users",
			"Describe how all data is returned to users in a useful way"),
	END_OF_LIFE_USER_MOVE(Criterion.END_OF_LIFE_PLAN, "End of life: users moved to similar services",
			"Describe the reasonable steps that move users onto similar services"),
	END_OF_LIFE_TAKEOVER(Criterion.END_OF_LIFE_PLAN, "End of life: others may take over the infrastructure",
			"Describe how others get the opportunity to take over servers and infrastructure"),
	NETWORK_PARTICIPATION(Criterion.COLLABORATIVE_NETWORK, "Participation in the collaborative network",
			"Show how the partner takes part in the region's collaborative network"),
	LAND_BACK(Criterion.LAND_BACK, "Land-back contributions paid",
			"Submit receipts or statements of the land-back contributions declared");

	private final Criterion criterion;
	private final String label;
	private final String whatToDo;

	Requirement(Criterion criterion, String label, String whatToDo) {
		this.criterion = criterion;
		this.label = label;
		this.whatToDo = whatToDo;
	}

	public Criterion criterion() {
		return criterion;
	}

	public String label() {
		return label;
	}

	public String whatToDo() {
		return whatToDo;
	}
}
