/**
 * Membership plans (sliding-scale tiers whose prices are platform parameters, pay-what-you-can
 * above a tier's minimum) and payments, received through payment sources (a steward's manual
 * entry, a bank-statement CSV import), idempotent by external reference, refunded by reversal.
 */
package coop.commonscloud.billing;
