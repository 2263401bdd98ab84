/**
 * Qualification: the region's criteria for partners, their service offerings and their servers,
 * judged continuously from declarations, reviewed evidence, the catalogue and power telemetry;
 * graduated sanctions and appeals; the public status.
 */
package coop.commonscloud.qualification;
