package de.wachposten.store;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.Resolution;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Durable state of the daemon. Every method is blocking (JDBC) and must be called off the Vert.x event loop; the
 * implementation is thread-safe. Every method that changes state runs as one transaction and appends the matching
 * audit events in that same transaction.
 *
 * <p>Failure contract: methods throw {@link StoreException} with a message naming the operation and the object.
 */
public interface Store extends OutboxStore, AutoCloseable {

    // ---- channels and posts ----

    /** The channel's state; an empty state for a channel never polled. */
    ChannelState channelState(String channelId);

    List<ChannelState> channelStates();

    /** Records a failed poll (last poll time and error) without touching the cursor. */
    default void recordPollFailure(String channelId, Instant at, String error) {
        recordPollFailure(channelId, at, error, null);
    }

    /**
     * As {@link #recordPollFailure(String, Instant, String)}, fenced by {@code lease} when it is not null.
     *
     * @throws LeaseLostException when {@code lease} passed to another holder; nothing is written then
     */
    void recordPollFailure(String channelId, Instant at, String error, Lease lease);

    /**
     * Stores one poll's outcome in one transaction: new posts (version 1), changed posts as new versions (a version is
     * new when text, editedAt or links differ from the latest stored version; payload counters are no change), tombstone versions for
     * {@code deletedIds} that are stored and not yet deleted, the cursor, and a successful poll. Posts already stored
     * with identical content are skipped (no duplicate).
     *
     * @param archiveOnly true to store every version as already detected (archived, never evaluated)
     * @return the versions written that still need detection, in the order given
     */
    default List<StoredPost> ingest(String channelId, List<Post> posts, List<String> deletedIds, String cursor,
                                    boolean archiveOnly, Instant at) {
        Set<String> archived = new HashSet<>();
        if (archiveOnly) {
            archived.addAll(deletedIds);
            posts.forEach(p -> archived.add(p.platformId()));
        }
        return ingest(channelId, posts, deletedIds, cursor, archived, at, null);
    }

    /**
     * As {@link #ingest(String, List, List, String, boolean, Instant)}, with the versions of the platform ids in
     * {@code archived} stored as already detected and not returned (a first poll with {@code history: ignore}
     * archives what was published before the channel was watched), and fenced by {@code lease} when it is not null:
     * the poll's outcome is written only while the lease is still the one the poller was given (same holder and
     * token), checked inside the transaction.
     *
     * @throws LeaseLostException when {@code lease} passed to another holder; nothing is written then
     */
    List<StoredPost> ingest(String channelId, List<Post> posts, List<String> deletedIds, String cursor,
                            Set<String> archived, Instant at, Lease lease);

    /**
     * Records that polling {@code channelId} began at {@code at}, unless an earlier beginning is recorded
     * ({@link ChannelState#watchedSince()}); fenced by {@code lease} when it is not null.
     *
     * @throws LeaseLostException when {@code lease} passed to another holder; nothing is written then
     */
    void startWatching(String channelId, Instant at, Lease lease);

    /**
     * Latest versions of the channel's most recent posts ({@link StoredPost.Kind#POST} only: what the platform shows),
     * newest publication first, deleted ones excluded.
     */
    List<StoredPost> recentPosts(String channelId, int limit);

    /** Versions whose detection has not been committed, oldest first (crash recovery). */
    List<StoredPost> pendingDetection(int limit);

    /** All versions of one post, oldest first. */
    List<StoredPost> versions(String channelId, String platformId);

    /**
     * Latest versions of archive entries of every kind, newest first, filtered by channel (nullable) and a
     * case-insensitive text fragment (nullable).
     */
    List<StoredPost> searchPosts(String channelId, String text, Instant from, Instant to, int limit);

    /**
     * One page of the archive for a retro-hunt: every version (deletion tombstones excluded) of the posts published
     * in {@code [from, to)}, ordered by publication time, then version row id, starting after {@code after} (the last
     * element of the previous page; null for the first page); at most {@code limit}. An empty page is the end.
     *
     * @throws StoreException when the read fails; the message names the span
     */
    List<StoredPost> versionsPublished(Instant from, Instant to, StoredPost after, int limit);

    // ---- coordination between instances ----

    /** Records that instance {@code instance} is alive until {@code until}. */
    void heartbeat(String instance, Instant at, Instant until);

    /** The instances alive at {@code at} (their last heartbeat reaches past it), sorted by id. */
    List<String> liveInstances(Instant at);

    /**
     * Takes lease {@code name} for {@code holder} until {@code until}, when it is free, lapsed at {@code at}, or held
     * by {@code holder} already (then it is renewed with its token). A lease passing to another holder gets the next
     * token.
     *
     * @return the lease when {@code holder} holds it now; empty when another holder's lease is live
     */
    Optional<Lease> acquireLease(String name, String holder, Instant at, Instant until);

    /**
     * Extends every lease {@code holder} still holds (lapsed ones included, as long as nobody took them) until
     * {@code until}, in one statement.
     *
     * @return the leases {@code holder} holds after the renewal
     */
    List<Lease> renewLeases(String holder, Instant until);

    /** Gives up {@code lease} when its holder and token still stand: it lapses at once, its token stays. */
    void releaseLease(Lease lease, Instant at);

    /** Every lease, live or lapsed, by name. */
    List<Lease> leases();
    // ---- the archive's change feed (for search indexes kept beside the store) ----

    /** The sequence number of the newest audit record; 0 while the log is empty. */
    long auditHead();

    /**
     * The archive entries written after audit record {@code afterSeq}: the keys ({@code channel/platformId}) of the
     * entries that audit records {@code post.seen}, {@code post.edited} and {@code post.deleted} name, in audit order,
     * from at most {@code limit} such records, and whether a retention purge ({@code archive.purged}) came among them.
     * The audit log is gapless and in commit order, so its sequence is the archive's change sequence.
     *
     * @throws StoreException when the read fails
     */
    ArchiveChanges archiveChanges(long afterSeq, int limit);

    /** The latest stored version of each of {@code keys} ({@code channel/platformId}) that exists, in no order. */
    List<StoredPost> latestVersions(Collection<String> keys);

    /**
     * One page of the latest version of every archive entry (deleted ones included), by the latest version's row id
     * after {@code afterVersionId}, ascending; at most {@code limit}. An empty page is the end.
     */
    List<StoredPost> latestVersionsAfter(long afterVersionId, int limit);

    // ---- account profiles ----

    /** The last saved profile of the channel's account; empty before the first one. */
    Optional<ProfileSnapshot> profile(String channelId);

    /**
     * Saves the channel's current profile as {@code revision} (replacing the one before), with an audit event
     * {@code profile.saved} in the same transaction.
     *
     * @throws StoreException when the write fails; the message names the channel
     */
    void saveProfile(String channelId, ProfileSnapshot profile);

    // ---- approvals ----

    /** Appends an approval record (audit: approval.created). */
    Approval addApproval(Approval approval);

    /**
     * Appends several approval records in one transaction (an editorial plan): all or none (audit: approval.created
     * for each).
     *
     * @throws IllegalStateException when an id exists; nothing is stored then
     */
    List<Approval> addApprovals(List<Approval> approvals);

    Optional<Approval> approval(String id);

    /** Approvals, newest first; channel may be null for all. */
    List<Approval> approvals(String channelId);

    /** Unrevoked, unconsumed approvals of a channel. */
    List<Approval> openApprovals(String channelId);

    /**
     * Revokes an open approval (audit: approval.revoked).
     *
     * @throws StoreException when it does not exist; {@link IllegalStateException} when consumed or revoked already
     */
    Approval revokeApproval(String id, String by, Instant at);

    /**
     * Records that approval {@code approvalId} was given after post {@code postKey} ({@code channel/platformId})
     * and resolved alert {@code alertId} (audit: approval.late).
     *
     * @throws StoreException when the approval does not exist; {@link IllegalStateException} when already late
     */
    void markApprovalLate(String approvalId, String postKey, String alertId, Instant at);

    /** Late approvals of a channel (null for all): approval id → key of the post it was given after. */
    Map<String, String> lateApprovals(String channelId);

    // ---- off-boarding ----

    /**
     * Opens one rotation task per channel in {@code channelIds} for {@code userId}, who left at {@code leftAt}
     * (audit: offboarding.task_opened per channel), in one transaction.
     */
    List<RotationTask> openRotationTasks(String userId, Instant leftAt, List<String> channelIds, String by, Instant at);

    /** Rotation tasks, oldest first; channel may be null for all. */
    List<RotationTask> rotationTasks(String channelId);

    /** Records that the channel's credentials were rotated, closing its open tasks (audit: channel.credentials_rotated). */
    void recordCredentialRotation(String channelId, String by, Instant at);

    /**
     * Stores an entry the daemon made itself about the channel's account ({@link StoredPost.Kind#PROFILE} or
     * {@link StoredPost.Kind#CREDENTIALS}) as version 1, unless its channel already holds an entry with that platform
     * id: then nothing changes, so repeating it (after a restart, or with other text) raises nothing new. Unlike
     * {@link #ingest} it records no poll.
     *
     * @param archiveOnly true when the entry comes with a first poll with {@code history: ignore}: it is stored as
     *                    already detected
     * @return the stored version, or empty when the entry existed
     * @throws IllegalArgumentException for {@link StoredPost.Kind#POST} (posts come in through {@link #ingest})
     * @throws StoreException when the store fails; nothing is stored then
     */
    Optional<StoredPost> addEntry(StoredPost.Kind kind, Post post, boolean archiveOnly, Instant at);

    /** Latest credential rotation per channel id. */
    Map<String, Instant> lastCredentialRotations();

    // ---- drafts ----

    /**
     * Appends a submitted draft (audit: draft.submitted).
     *
     * @throws IllegalStateException when the id exists
     */
    Draft addDraft(Draft draft);

    Optional<Draft> draft(String id);

    /** Drafts, newest first; channel and status may be null for all. */
    List<Draft> drafts(String channelId, Draft.Status status);

    /**
     * Records that {@code by} approves pending draft {@code id} (audit: draft.approved); when {@code approval} is not
     * null, the approval is added in the same transaction (audit: approval.created) and the draft becomes it.
     *
     * @throws StoreException when the draft does not exist; {@link IllegalStateException} when it is no longer
     *                        pending or {@code by} approved it already
     */
    Draft approveDraft(String id, String by, Approval approval, Instant at);

    /**
     * Rejects pending draft {@code id} with a reason (audit: draft.rejected).
     *
     * @throws StoreException when the draft does not exist; {@link IllegalStateException} when it is no longer pending
     */
    Draft rejectDraft(String id, String by, String reason, Instant at);

    // ---- detection outcome, alerts, outbox ----

    /**
     * Commits the outcome of detection for one version in one transaction: the findings, the consumption of
     * {@code consumedApprovalId} (if not null), the post's alert (created with revision 1, or updated when the
     * findings add a reason it did not have: revision + 1, severity re-computed), one outbox entry per sink that
     * {@code recipients} chooses for a new revision, and the version marked detected. Audit events for each. A new
     * revision carries {@code at} exactly as its {@code updatedAt} (no precision lost); an alert left unchanged keeps
     * its earlier one, so callers tell the two apart by it.
     *
     * @return the alert after the change; empty when there are no findings and no alert existed
     */
    Optional<Alert> commitDetection(StoredPost version, List<Finding> findings, String consumedApprovalId,
                                    String officeId, Recipients recipients, Instant at);

    /** Alerts, newest first; each filter may be null. */
    List<Alert> alerts(AlertStatus status, String channelId);

    /**
     * One page of the alerts {@code query} selects, newest first: the {@code limit} alerts right after its cursor in
     * the order (creation time, id), found by the store's indexes, so a deep page costs what the first does.
     */
    List<Alert> alertPage(AlertQuery query);

    /**
     * Changes an alert's status (acknowledged by a person, or resolved), consuming {@code consumedApprovalId} when not
     * null; enqueues one outbox entry per sink {@code recipients} chooses for the new revision (so sinks learn of the
     * resolution).
     *
     * @throws StoreException when the alert is unknown; {@link IllegalStateException} naming its status when it is
     *                        resolved already, or acknowledged already and {@code status} is acknowledged
     */
    Alert closeAlert(String alertId, AlertStatus status, Resolution resolution, String by, String consumedApprovalId,
                     Recipients recipients, Instant at);

    /** Deliveries of one alert, oldest first, with their state ({@code pending|delivered|dead}) as a map per row. */
    List<Map<String, Object>> deliveries(String alertId);

    // ---- archive ----

    /**
     * Archive retention: removes every version of posts published before {@code publishedBefore} that no alert refers
     * to, whose detection is committed, and that are not among their channel's {@code keepNewestPerChannel} newest
     * posts of kind {@link StoredPost.Kind#POST} (the edit and deletion sweep compares against those; entries of the
     * daemon never count among them). Posts with an alert stay with every version and
     * their tombstone; the audit log keeps its records and hashes. Appends {@code archive.purged} when it removed any.
     *
     * @return the number of posts removed
     * @throws StoreException when the store fails; nothing is removed then
     */
    int purgeArchive(Instant publishedBefore, int keepNewestPerChannel, Instant at);

    /**
     * Escalates an open alert when it is due: at least {@code after} since it was created and, if it was escalated
     * before, at least {@code repeat} since the last escalation ({@code repeat} null: once only). Then, in one
     * transaction: the alert's revision + 1 (status unchanged), one outbox entry per sink {@code recipients} chooses
     * for that revision, the
     * escalation count and time recorded, audit event {@code alert.escalated}.
     *
     * @return the alert after the change; empty when it is unknown, not open or not due. Fails with
     *         {@link StoreException} when the store cannot be read or written.
     */
    Optional<Alert> escalate(String alertId, java.time.Duration after, java.time.Duration repeat,
                             Recipients recipients, Instant at);

    // ---- settings ----

    /**
     * The value of setting {@code name}; when it has none yet, stores {@code initial} and returns it. The first value
     * stored wins, also across restarts. Fails with {@link StoreException} when the store cannot be read or written.
     */
    String setting(String name, String initial);

    // ---- audit ----

    /** Appends an audit event to the hash chain in its own transaction. */
    void audit(String type, String subject, Map<String, Object> data, Instant at);

    /** Audit events, oldest first, as maps ({@code seq, at, type, subject, data, hash}). */
    List<Map<String, Object>> auditEvents(String subjectPrefix, Instant from, Instant to);

    AuditCheck verifyAudit();

    @Override
    void close();
}
