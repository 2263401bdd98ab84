/**
 * Settlement of payments to providers, and the region's double-entry ledger: every transaction has
 * at least two postings that sum to zero per currency, the database enforces it at commit, and
 * nothing posted is ever changed (corrections are reversing transactions).
 */
package coop.commonscloud.settlement;
