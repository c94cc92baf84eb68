/**
 * The store over JDBC: {@link de.wachposten.store.jdbc.JdbcStore} implements the {@link de.wachposten.store.Store}
 * SPI on the embedded SQLite file ({@link de.wachposten.store.jdbc.SqliteStore}, the default) and on a shared
 * PostgreSQL database ({@link de.wachposten.store.jdbc.PostgresStore}, for several instances).
 *
 * <p>Why plain JDBC for both: the repositories were JDBC already, so one SQL code base serves both dialects; the
 * store SPI is blocking by contract and runs on worker threads, where a pooled JDBC connection (HikariCP, with the
 * {@code org.postgresql} driver) fits, while Vert.x's reactive PostgreSQL client would have meant a second,
 * asynchronous implementation of every query beside the SQLite one. The few differences are a {@code Dialect}: the
 * migration directory, the advisory lock that serialises audit appends across instances, {@code SKIP LOCKED} for the
 * outbox claim, JSON functions, and which errors are conflicts worth retrying.
 *
 * <p>Data enters through {@code JdbcStore}; every call runs on {@code Connections}: the SQLite file's one connection
 * behind a lock ({@code SingleConnection}; {@code StoreFile} sets pragmas and checks integrity) or a pool with one
 * PostgreSQL connection per transaction ({@code PooledConnections}). {@code Migrations} brings either schema to the
 * latest version from {@code db/<dialect>/V<n>__<name>.sql}. Package-private repositories hold the SQL per concept:
 * channels, posts and their versions, approvals with their events, findings and alerts, the delivery outbox with its
 * claims, and the hash-chained audit log with its verifier.
 *
 * <p>The SQL is portable: positional {@code ?} parameters only, {@code ON CONFLICT} upserts, {@code LIKE} for
 * fragments. Instants are stored as fixed-width ISO-8601 UTC text with nine fraction digits on both, so text order is
 * time order. Tables that SQLite orders by its implicit {@code rowid} have an identity column of that name on
 * PostgreSQL. Audit subjects are {@code channel/platformId} for post, finding and alert events and
 * {@code channel/approvals/id} for approval events, so a channel prefix selects a channel's whole history.
 *
 * <p>Several instances on one PostgreSQL database: every transaction that may append to the audit chain first takes
 * a transaction-scoped advisory lock, so the chain stays one chain (its sequence number is the primary key, so a
 * fork could not commit anyway); the alert id is the primary key and derived from the post, so a second instance's
 * alert for the same post finds the first one's and updates it; the outbox hands out due entries under a claim
 * ({@code claimed_by}, {@code claimed_until}) taken with {@code SELECT … FOR UPDATE SKIP LOCKED}; a transaction
 * aborted by a serialization failure or deadlock runs again a few times.
 */
package de.wachposten.store.jdbc;
