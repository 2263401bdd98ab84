/**
 * The region: its name and boundary, the sites (physical locations) in it, and the locality rule
 * ("all servers must be in the region, or within the allowance of its boundary").
 */
package coop.commonscloud.region;
