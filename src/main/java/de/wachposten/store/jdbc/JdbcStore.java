package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.Resolution;
import de.wachposten.store.AlertQuery;
import de.wachposten.store.ArchiveChanges;
import de.wachposten.store.AuditCheck;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Lease;
import de.wachposten.store.Delivery;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.store.RotationTask;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The store over JDBC, on SQLite ({@link SqliteStore#open}) or PostgreSQL ({@link PostgresStore#open}). Each state
 * change is one transaction together with its audit events. Blocking; call it from worker threads.
 */
public final class JdbcStore implements Store {

    private final Connections db;
    private final String where;
    /** This store handle's name in outbox claims; a new one at every open, so a restarted daemon claims afresh. */
    private final String instanceId = UUID.randomUUID().toString();

    JdbcStore(Connections db, String where) {
        this.db = db;
        this.where = where;
    }

    /** The store's name in messages: the SQLite file, or the PostgreSQL URL without its parameters. */
    public String where() {
        return where;
    }

    Connections connections() {
        return db;
    }

    @Override
    public ChannelState channelState(String channelId) {
        return db.read("read state of channel " + channelId, c -> ChannelRepository.state(c, channelId));
    }

    @Override
    public List<ChannelState> channelStates() {
        return db.read("read channel states", ChannelRepository::states);
    }

    @Override
    public void recordPollFailure(String channelId, Instant at, String error, Lease lease) {
        db.inTransactionWithoutAudit("record poll failure of channel " + channelId, c -> {
            if (lease != null) {
                LeaseRepository.checkFence(c, db.dialect, lease);
            }
            ChannelRepository.recordFailure(c, channelId, at, error);
            return null;
        });
    }

    @Override
    public List<StoredPost> ingest(String channelId, List<Post> posts, List<String> deletedIds, String cursor,
                                   Set<String> archived, Instant at, Lease lease) {
        return db.inTransaction("ingest posts of channel " + channelId, c -> {
            if (lease != null) {
                LeaseRepository.checkFence(c, db.dialect, lease);
            }
            return PostRepository.ingest(c, channelId, posts, deletedIds, cursor, archived, at);
        });
    }

    @Override
    public void startWatching(String channelId, Instant at, Lease lease) {
        db.inTransactionWithoutAudit("record the start of watching channel " + channelId, c -> {
            if (lease != null) {
                LeaseRepository.checkFence(c, db.dialect, lease);
            }
            ChannelRepository.startWatching(c, channelId, at);
            return null;
        });
    }

    @Override
    public void heartbeat(String instance, Instant at, Instant until) {
        db.inTransactionWithoutAudit("record heartbeat of instance " + instance, c -> {
            LeaseRepository.heartbeat(c, instance, at, until);
            return null;
        });
    }

    @Override
    public List<String> liveInstances(Instant at) {
        return db.read("read live instances", c -> LeaseRepository.live(c, at));
    }

    @Override
    public Optional<Lease> acquireLease(String name, String holder, Instant at, Instant until) {
        return db.inTransactionWithoutAudit("acquire lease " + name + " for " + holder,
                c -> LeaseRepository.acquire(c, db.dialect, name, holder, at, until));
    }

    @Override
    public List<Lease> renewLeases(String holder, Instant until) {
        return db.inTransactionWithoutAudit("renew the leases of " + holder,
                c -> LeaseRepository.renew(c, holder, until));
    }

    @Override
    public void releaseLease(Lease lease, Instant at) {
        db.inTransactionWithoutAudit("release lease " + lease.name() + " of " + lease.holder(), c -> {
            LeaseRepository.release(c, lease, at);
            return null;
        });
    }

    @Override
    public List<Lease> leases() {
        return db.read("read leases", LeaseRepository::all);
    }

    @Override
    public Optional<StoredPost> addEntry(StoredPost.Kind kind, Post post, boolean archiveOnly, Instant at) {
        if (kind == StoredPost.Kind.POST) {
            throw new IllegalArgumentException("post " + post.platformId() + ": posts are stored by ingest");
        }
        return db.inTransaction("store " + kind.value() + " entry " + post.channelId() + "/" + post.platformId(),
                c -> Optional.ofNullable(PostRepository.storeNew(c, kind, post, archiveOnly, at)));
    }

    @Override
    public List<StoredPost> recentPosts(String channelId, int limit) {
        return db.read("read recent posts of channel " + channelId, c -> PostQueries.recent(c, channelId, limit));
    }

    @Override
    public List<StoredPost> pendingDetection(int limit) {
        return db.read("read versions pending detection", c -> PostQueries.pendingDetection(c, limit));
    }

    @Override
    public List<StoredPost> versions(String channelId, String platformId) {
        return db.read("read versions of post " + channelId + "/" + platformId,
                c -> PostQueries.versions(c, channelId, platformId));
    }

    @Override
    public List<StoredPost> searchPosts(String channelId, String text, Instant from, Instant to, int limit) {
        return db.read("search posts", c -> PostQueries.search(c, channelId, text, from, to, limit));
    }

    @Override
    public List<StoredPost> versionsPublished(Instant from, Instant to, StoredPost after, int limit) {
        return db.read("read post versions published in [" + from + ", " + to + ")",
                c -> PostQueries.published(c, from, to, after, limit));
    }

    @Override
    public long auditHead() {
        return db.read("read the audit head", ArchiveFeed::head);
    }

    @Override
    public ArchiveChanges archiveChanges(long afterSeq, int limit) {
        return db.read("read archive changes after audit record " + afterSeq,
                c -> ArchiveFeed.changes(c, afterSeq, limit));
    }

    @Override
    public List<StoredPost> latestVersions(Collection<String> keys) {
        return db.read("read latest versions of " + keys.size() + " entries", c -> ArchiveFeed.latest(c, keys));
    }

    @Override
    public List<StoredPost> latestVersionsAfter(long afterVersionId, int limit) {
        return db.read("read latest versions after version " + afterVersionId,
                c -> ArchiveFeed.latestAfter(c, afterVersionId, limit));
    }

    @Override
    public Approval addApproval(Approval approval) {
        return db.inTransaction("add approval " + approval.id(), c -> ApprovalRepository.add(c, approval));
    }

    @Override
    public List<Approval> addApprovals(List<Approval> approvals) {
        return db.inTransaction("add " + approvals.size() + " approvals", c -> {
            List<Approval> out = new java.util.ArrayList<>();
            for (Approval a : approvals) {
                out.add(ApprovalRepository.add(c, a));
            }
            return out;
        });
    }

    @Override
    public Optional<Approval> approval(String id) {
        return db.read("read approval " + id, c -> ApprovalRepository.find(c, id));
    }

    @Override
    public List<Approval> approvals(String channelId) {
        return db.read("read approvals", c -> ApprovalRepository.list(c, channelId, false));
    }

    @Override
    public List<Approval> openApprovals(String channelId) {
        return db.read("read open approvals of channel " + channelId, c -> ApprovalRepository.list(c, channelId, true));
    }

    @Override
    public Approval revokeApproval(String id, String by, Instant at) {
        return db.inTransaction("revoke approval " + id, c -> ApprovalRepository.revoke(c, id, by, at));
    }

    @Override
    public void markApprovalLate(String approvalId, String postKey, String alertId, Instant at) {
        db.inTransaction("mark approval " + approvalId + " late", c -> {
            ApprovalRepository.markLate(c, approvalId, postKey, alertId, at);
            return null;
        });
    }

    @Override
    public Map<String, String> lateApprovals(String channelId) {
        return db.read("read late approvals", c -> ApprovalRepository.late(c, channelId));
    }

    @Override
    public List<RotationTask> openRotationTasks(String userId, Instant leftAt, List<String> channelIds, String by,
                                                Instant at) {
        return db.inTransaction("open rotation tasks for " + userId,
                c -> RotationRepository.open(c, userId, leftAt, channelIds, by, at));
    }

    @Override
    public List<RotationTask> rotationTasks(String channelId) {
        return db.read("read rotation tasks", c -> RotationRepository.tasks(c, channelId));
    }

    @Override
    public void recordCredentialRotation(String channelId, String by, Instant at) {
        db.inTransaction("record credential rotation of channel " + channelId, c -> {
            RotationRepository.rotated(c, channelId, by, at);
            return null;
        });
    }

    @Override
    public Map<String, Instant> lastCredentialRotations() {
        return db.read("read credential rotations", RotationRepository::lastRotations);
    }

    @Override
    public Draft addDraft(Draft draft) {
        return db.inTransaction("add draft " + draft.id(), c -> DraftRepository.add(c, draft));
    }

    @Override
    public Optional<Draft> draft(String id) {
        return db.read("read draft " + id, c -> DraftRepository.find(c, id));
    }

    @Override
    public List<Draft> drafts(String channelId, Draft.Status status) {
        return db.read("read drafts", c -> DraftRepository.list(c, channelId, status));
    }

    @Override
    public Draft approveDraft(String id, String by, Approval approval, Instant at) {
        return db.inTransaction("approve draft " + id, c -> DraftRepository.approve(c, id, by, approval, at));
    }

    @Override
    public Draft rejectDraft(String id, String by, String reason, Instant at) {
        return db.inTransaction("reject draft " + id, c -> DraftRepository.reject(c, id, by, reason, at));
    }

    @Override
    public Optional<Alert> commitDetection(StoredPost version, List<Finding> findings, String consumedApprovalId,
                                           String officeId, Recipients recipients, Instant at) {
        return db.inTransaction("commit detection of " + version.key() + " version " + version.version(),
                c -> AlertRepository.commitDetection(c, version, findings, consumedApprovalId, officeId, recipients,
                        at));
    }

    @Override
    public Optional<Alert> alert(String id) {
        return db.read("read alert " + id, c -> AlertRows.find(c, id));
    }

    @Override
    public List<Alert> alerts(AlertStatus status, String channelId) {
        return db.read("read alerts", c -> AlertRows.list(c, status, channelId));
    }

    @Override
    public List<Alert> alertPage(AlertQuery query) {
        return db.read("read a page of alerts", c -> AlertRows.page(c, query));
    }

    @Override
    public Alert closeAlert(String alertId, AlertStatus status, Resolution resolution, String by,
                            String consumedApprovalId, Recipients recipients, Instant at) {
        return db.inTransaction("close alert " + alertId,
                c -> AlertRepository.close(c, alertId, status, resolution, by, consumedApprovalId, recipients, at));
    }

    @Override
    public List<Map<String, Object>> deliveries(String alertId) {
        return db.read("read deliveries of alert " + alertId, c -> OutboxRepository.ofAlert(c, alertId));
    }

    @Override
    public List<Delivery> dueDeliveries(Instant now, int limit) {
        return db.inTransactionWithoutAudit("claim due deliveries",
                c -> OutboxRepository.claimDue(c, db.dialect, instanceId, now, limit));
    }

    @Override
    public void deliverySucceeded(long deliveryId, Instant at) {
        db.inTransaction("record delivery " + deliveryId + " as delivered", c -> {
            OutboxRepository.succeeded(c, deliveryId, at);
            return null;
        });
    }

    @Override
    public void deliveryRetry(long deliveryId, Instant nextAttemptAt, String error) {
        db.inTransactionWithoutAudit("schedule retry of delivery " + deliveryId, c -> {
            OutboxRepository.retry(c, deliveryId, nextAttemptAt, error);
            return null;
        });
    }

    @Override
    public void deliveryDead(long deliveryId, Instant at, String error) {
        db.inTransaction("record delivery " + deliveryId + " as dead", c -> {
            OutboxRepository.dead(c, deliveryId, at, error);
            return null;
        });
    }

    @Override
    public Optional<ProfileSnapshot> profile(String channelId) {
        return db.read("read profile of channel " + channelId, c -> ProfileRepository.read(c, channelId));
    }

    @Override
    public void saveProfile(String channelId, ProfileSnapshot profile) {
        db.inTransaction("save profile of channel " + channelId, c -> {
            ProfileRepository.save(c, channelId, profile);
            AuditLog.append(c, "profile.saved", "channel/" + channelId,
                    Map.of("revision", profile.revision(), "fields", profile.fields()), profile.seenAt());
            return null;
        });
    }

    @Override
    public long outboxBacklog() {
        return db.read("count outbox backlog", OutboxRepository::backlog);
    }

    @Override
    public int purgeArchive(Instant publishedBefore, int keepNewestPerChannel, Instant at) {
        return db.inTransaction("purge archived posts published before " + publishedBefore,
                c -> ArchiveRepository.purge(c, publishedBefore, keepNewestPerChannel, at));
    }

    @Override
    public Optional<Alert> escalate(String alertId, java.time.Duration after, java.time.Duration repeat,
                                    Recipients recipients, Instant at) {
        return db.inTransaction("escalate alert " + alertId,
                c -> EscalationRepository.escalate(c, alertId, after, repeat, recipients, at));
    }

    @Override
    public String setting(String name, String initial) {
        return db.inTransactionWithoutAudit("read or create setting " + name, c -> {
            try (var insert = c.prepareStatement("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, initial);
                insert.executeUpdate();
            }
            try (var select = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                select.setString(1, name);
                try (var rs = select.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    @Override
    public void audit(String type, String subject, Map<String, Object> data, Instant at) {
        db.inTransaction("append audit event " + type + " for " + subject, c -> {
            AuditLog.append(c, type, subject, data, at);
            return null;
        });
    }

    @Override
    public List<Map<String, Object>> auditEvents(String subjectPrefix, Instant from, Instant to) {
        return db.read("read audit events", c -> AuditLog.events(c, subjectPrefix, from, to));
    }

    @Override
    public AuditCheck verifyAudit() {
        return db.read("verify audit log", AuditVerifier::verify);
    }

    /** Releases this handle's outbox claims (best effort: they lapse anyway), then closes the connections. */
    @Override
    public void close() {
        try {
            db.inTransactionWithoutAudit("release outbox claims", c -> {
                OutboxRepository.releaseClaims(c, instanceId);
                return null;
            });
        } catch (de.wachposten.store.StoreException e) {
            // closed already, or the database is gone: the claims lapse after their lease
        }
        db.close();
    }
}
