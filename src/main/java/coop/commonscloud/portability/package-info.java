/**
 * Leaving without loss: a person's export of everything the region holds about them, and closing
 * their account, with the money records kept under a pseudonym for the retention period. Each
 * module contributes its part through {@link coop.commonscloud.platform.PersonalData}; this module
 * reads no other module's tables.
 */
package coop.commonscloud.portability;
