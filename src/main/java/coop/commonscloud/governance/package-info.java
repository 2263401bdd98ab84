/**
 * Governance: the members decide prices and rules. Members (partner organisations, the steward
 * organisation, optionally people) vote through delegates on proposals; polls are counted by
 * consent, majority, supermajority, score, instant-runoff, Schulze or dot vote; every outcome is
 * recorded immutably, and a passed parameter change is written into the platform parameters.
 * Other modules may listen for {@link coop.commonscloud.governance.PollOpened},
 * {@link coop.commonscloud.governance.PollClosed}.
 */
package coop.commonscloud.governance;
