package coop.commonscloud.infrastructure;

/**
 * What an ingest did: readings received, newly stored, ignored as exact duplicates (same source,
 * time and values: a retried upload), and corrected (same source and time, new values, sent as an
 * explicit correction).
 */
public record IngestResult(int received, int stored, int duplicates, int corrected, int sources, int daysRecomputed) {
}
