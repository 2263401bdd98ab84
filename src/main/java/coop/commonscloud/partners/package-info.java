/** The region's partner organisations (hosting co-ops), their structure and contacts. */
package coop.commonscloud.partners;
