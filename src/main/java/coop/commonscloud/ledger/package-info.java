/**
 * The region's double-entry ledger: every transaction has at least two postings that sum to zero
 * per currency, the database enforces it at commit, and nothing posted is ever changed
 * (corrections are reversing transactions). Billing's payments and refunds are posted here;
 * settlement and payouts post through {@link coop.commonscloud.ledger.Ledger}.
 */
package coop.commonscloud.ledger;
