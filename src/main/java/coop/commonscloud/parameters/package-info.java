/**
 * Platform parameters: prices, thresholds and allowances as effective-dated, append-only data.
 * Governance outcomes set them; until then a steward does, recording who and why. Every check
 * and settlement reads them through {@link coop.commonscloud.parameters.PlatformParameters}.
 * Each module names its own keys in its API (such as {@code billing.BillingParameters}) and
 * defines them with a {@link coop.commonscloud.parameters.ParameterDefinitions} bean: at start the
 * parameters the database lacks are defined with their seed values, so no other module's
 * migration writes into these tables.
 */
package coop.commonscloud.parameters;
