/**
 * What the public sees of the region: its home page and map, where the sites and servers are,
 * and whether each server qualifies on locality. Reads the other modules; owns no data.
 */
package coop.commonscloud.transparency;
