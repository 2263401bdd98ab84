/**
 * The monthly settlement of payments to providers: each person's payment is split between
 * stewardship, the providers whose offerings they used, the land-back levy and the commons fund,
 * and the period's totals are posted to the {@link coop.commonscloud.ledger.Ledger}.
 */
package coop.commonscloud.settlement;
