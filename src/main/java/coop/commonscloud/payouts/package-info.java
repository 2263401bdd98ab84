/**
 * Payouts to providers: what a posted settlement credited to each provider's payable is paid out
 * in batches, exported as bank files (ABA for AUD, SEPA pain.001 for EUR), and posted to the
 * {@link coop.commonscloud.ledger.Ledger} as a debit of the payable; a reversed batch is reversed there too.
 */
package coop.commonscloud.payouts;
