package de.wachposten.store;

/**
 * Result of verifying the audit log's hash chain.
 *
 * @param records   number of records checked
 * @param ok        true when the chain is intact
 * @param firstBad  sequence number of the first damaged, inserted or missing record, or -1
 * @param problem   what is wrong with it, or null
 */
public record AuditCheck(long records, boolean ok, long firstBad, String problem) {}
