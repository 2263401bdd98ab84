/**
 * Usage per person per service offering per day: active days from sign-in events of the
 * offering's OpenID Connect client, and quantities that providers report (capped per person per
 * day, anomalies flagged).
 */
package coop.commonscloud.metering;
