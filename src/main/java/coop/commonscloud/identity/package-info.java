/**
 * Accounts, credentials and who may do what. For now: form login for the UI, HTTP Basic for the
 * API, Argon2id password hashes, and the roles steward, partner admin and member.
 */
package coop.commonscloud.identity;
