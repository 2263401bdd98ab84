/**
 * Free-software applications with their SPDX licence, the licence rule (free software or on the
 * region's liberatory list), and the service offerings partners run on their servers.
 */
package coop.commonscloud.catalogue;
