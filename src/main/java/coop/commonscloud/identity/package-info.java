/**
 * Accounts, credentials and who may do what. Form login with an optional second factor for the UI;
 * HTTP Basic or a bearer token for the API; the region's own OAuth 2 / OpenID Connect provider for
 * relying parties and service clients; Argon2id password hashes; self-service sign-up, email
 * verification and password reset; and the roles steward, partner admin and member.
 */
package coop.commonscloud.identity;
