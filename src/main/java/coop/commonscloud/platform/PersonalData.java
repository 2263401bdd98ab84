package coop.commonscloud.platform;

import java.util.List;
import java.util.Objects;

/**
 * What one module holds about a person: its files of their export, and what it does with its rows
 * when they leave. Each module that keeps rows about people implements it in its {@code internal}
 * package; the portability module collects every implementation, so it reads no module's tables.
 */
public interface PersonalData {

	/** Every table of this module that names a person, and what leaving does to its rows. */
	List<Holding> holdings();

	/** This module's files of the person's export. */
	List<ExportFile> export(Person person);

	/**
	 * Erases or pseudonymises what this module holds about a person who leaves. Runs in the
	 * transaction that closes their account; append-only rows are never changed.
	 */
	void forget(Person person);

	/** Whether this module's {@link #forget} closes the account itself, and so must run after every other. */
	default boolean closesTheAccount() {
		return false;
	}

	/** A person as the export and leaving see them: their account and the username they sign in with. */
	record Person(AccountId account, String username) {

		public Person {
			Objects.requireNonNull(account, "A person needs an account");
			Objects.requireNonNull(username, "A person needs a username");
		}

		/** The name that replaces the username wherever a module keeps a name after they leave. */
		public String pseudonym() {
			return "left-" + account.value().toString().replace("-", "").substring(0, 16);
		}
	}

	/** One file of the export archive. */
	record ExportFile(String name, String content) {

		public ExportFile {
			if (name == null || !name.matches("[A-Za-z][A-Za-z0-9-]*\\.(json|csv|txt)")) {
				throw new IllegalArgumentException("An export file needs a plain lower-case name; got '" + name + "'");
			}
			Objects.requireNonNull(content, "An export file needs content");
		}
	}

	/** A table and the column naming the person; whether the export holds its rows, what leaving does to them, and why. */
	record Holding(String table, String column, boolean exported, Fate onLeaving, String why) {

		public Holding {
			Objects.requireNonNull(table, "A holding names its table");
			Objects.requireNonNull(column, "A holding names its column");
			Objects.requireNonNull(onLeaving, "A holding says what leaving does");
			if (why == null || why.isBlank()) {
				throw new IllegalArgumentException("A holding says why");
			}
		}
	}

	/** What leaving does to a person's rows in a table. */
	enum Fate {
		/** Deleted, or overwritten with nothing that names the person. */
		ERASED,
		/** Kept, naming only the account id, whose mapping to the person is erased. */
		KEPT_UNDER_PSEUDONYM,
		/** Kept as it is, for the reason given (a public record, a legal retention period). */
		KEPT
	}
}
