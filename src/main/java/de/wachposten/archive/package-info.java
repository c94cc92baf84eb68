/**
 * The archive's full-text search: a persistent Lucene index beside the store, kept in step with the store's change
 * feed (the audit log's sequence), with the rules' German analysis. The store stays the only truth; the index finds
 * candidates and is rebuilt from the store by the {@code rebuild-index} command.
 */
package de.wachposten.archive;
