/**
 * Platform parameters: prices, thresholds and allowances as effective-dated, append-only data.
 * Governance outcomes set them; until then a steward does, recording who and why. Every check
 * and settlement reads them through {@link coop.commonscloud.parameters.PlatformParameters}.
 */
package coop.commonscloud.parameters;
