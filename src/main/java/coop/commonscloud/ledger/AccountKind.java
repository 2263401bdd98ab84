package coop.commonscloud.ledger;

/** The five kinds of ledger account, named as Beancount names its root accounts. */
public enum AccountKind {
	ASSETS("Assets"), LIABILITIES("Liabilities"), EQUITY("Equity"), INCOME("Income"), EXPENSES("Expenses");

	private final String root;

	AccountKind(String root) {
		this.root = root;
	}

	public String root() {
		return root;
	}
}
