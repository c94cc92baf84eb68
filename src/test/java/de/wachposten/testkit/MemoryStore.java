package de.wachposten.testkit;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.Resolution;
import de.wachposten.store.AuditCheck;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Delivery;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.store.RotationTask;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written, thread-safe in-memory {@link Store} for tests. It implements channel states, post versions and
 * search, approvals, alert listing and closing, the outbox and the audit list faithfully to the {@link Store}
 * contract; {@link #ingest}, {@link #commitDetection} and {@link #verifyAudit} are not implemented. Tests seed data
 * through {@link #putChannelState}, {@link #putPost} and {@link #putAlert}, and can make every call fail with
 * {@link #failWith}.
 */
public final class MemoryStore implements Store {
    private final Map<String, ChannelState> states = new LinkedHashMap<>();
    private final List<StoredPost> versions = new ArrayList<>();
    private final Map<String, Approval> approvals = new LinkedHashMap<>();
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, String> late = new LinkedHashMap<>();
    private final List<RotationTask> rotationTasks = new java.util.ArrayList<>();
    private final Map<String, Instant> rotations = new LinkedHashMap<>();
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, ProfileSnapshot> profiles = new LinkedHashMap<>();
    private final List<Delivery> outbox = new ArrayList<>();
    private final List<Map<String, Object>> audit = new ArrayList<>();
    private RuntimeException failure;
    private long nextId = 1;

    // ---- seeding and inspection ----

    /** Every later call throws {@code e} (null to heal). */
    public synchronized void failWith(RuntimeException e) {
        this.failure = e;
    }

    public synchronized void putChannelState(ChannelState state) {
        states.put(state.channelId(), state);
    }

    /** Stores {@code post} as the next version of its post key; {@code deletedAt} makes it a tombstone. */
    public synchronized StoredPost putPost(Post post, Instant deletedAt) {
        int version = (int) versions.stream().filter(v -> sameKey(v.post(), post)).count() + 1;
        StoredPost sp = new StoredPost(nextId++, version, post, deletedAt, true);
        versions.add(sp);
        return sp;
    }

    public synchronized void putAlert(Alert alert) {
        alerts.put(alert.id(), alert);
    }

    /** All outbox entries ever enqueued, oldest first. */
    public synchronized List<Delivery> outbox() {
        return List.copyOf(outbox);
    }

    /** All audit events, oldest first. */
    public synchronized List<Map<String, Object>> audit() {
        return List.copyOf(audit);
    }

    // ---- channels and posts ----

    @Override
    public synchronized ChannelState channelState(String channelId) {
        check();
        return states.getOrDefault(channelId, ChannelState.empty(channelId));
    }

    @Override
    public synchronized List<ChannelState> channelStates() {
        check();
        return List.copyOf(states.values());
    }

    @Override
    public synchronized void recordPollFailure(String channelId, Instant at, String error) {
        check();
        ChannelState s = channelState(channelId);
        states.put(channelId, new ChannelState(channelId, s.cursor(), at, s.lastSuccessAt(), error, s.postsSeen()));
    }

    @Override
    public List<StoredPost> ingest(String channelId, List<Post> posts, List<String> deletedIds, String cursor,
                                   boolean archiveOnly, Instant at) {
        throw new UnsupportedOperationException("MemoryStore.ingest");
    }

    @Override
    public synchronized java.util.Optional<StoredPost> addEntry(StoredPost.Kind kind, Post post, boolean archiveOnly,
                                                                Instant at) {
        check();
        if (versions.stream().anyMatch(v -> sameKey(v.post(), post))) {
            return java.util.Optional.empty();
        }
        StoredPost sp = new StoredPost(nextId++, 1, post, null, archiveOnly, kind);
        versions.add(sp);
        return java.util.Optional.of(sp);
    }

    @Override
    public synchronized List<StoredPost> recentPosts(String channelId, int limit) {
        check();
        return latest().stream().filter(v -> v.post().channelId().equals(channelId))
                .filter(v -> v.deletedAt() == null && v.kind() == StoredPost.Kind.POST).limit(limit).toList();
    }

    @Override
    public synchronized List<StoredPost> pendingDetection(int limit) {
        check();
        return versions.stream().filter(v -> !v.detected()).limit(limit).toList();
    }

    @Override
    public synchronized List<StoredPost> versions(String channelId, String platformId) {
        check();
        return versions.stream().filter(v -> v.post().channelId().equals(channelId)
                && v.post().platformId().equals(platformId)).toList();
    }

    @Override
    public synchronized List<StoredPost> searchPosts(String channelId, String text, Instant from, Instant to,
                                                     int limit) {
        check();
        String needle = text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
        return latest().stream()
                .filter(v -> channelId == null || v.post().channelId().equals(channelId))
                .filter(v -> needle == null || v.post().text().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .filter(v -> from == null || !v.post().publishedAt().isBefore(from))
                .filter(v -> to == null || !v.post().publishedAt().isAfter(to))
                .limit(limit).toList();
    }

    @Override
    public List<StoredPost> versionsPublished(Instant from, Instant to, StoredPost after, int limit) {
        throw new UnsupportedOperationException();
    }

    /** Latest version per post key, newest publication first. */
    private List<StoredPost> latest() {
        Map<String, StoredPost> byKey = new LinkedHashMap<>();
        versions.forEach(v -> byKey.merge(v.key(), v, (a, b) -> b.version() > a.version() ? b : a));
        return byKey.values().stream()
                .sorted(Comparator.comparing((StoredPost v) -> v.post().publishedAt()).reversed()).toList();
    }

    private static boolean sameKey(Post a, Post b) {
        return a.channelId().equals(b.channelId()) && a.platformId().equals(b.platformId());
    }

    // ---- approvals ----

    @Override
    public synchronized Approval addApproval(Approval approval) {
        check();
        if (approvals.containsKey(approval.id())) {
            throw new StoreException("add approval " + approval.id() + ": id exists");
        }
        approvals.put(approval.id(), approval);
        auditEvent("approval.created", approval.id(), Map.of("by", approval.approvedBy()), approval.createdAt());
        return approval;
    }

    @Override
    public synchronized List<Approval> addApprovals(List<Approval> list) {
        check();
        for (Approval a : list) {
            if (approvals.containsKey(a.id())) {
                throw new IllegalStateException("approval " + a.id() + " exists already");
            }
        }
        list.forEach(this::addApproval);
        return List.copyOf(list);
    }

    @Override
    public synchronized Optional<Approval> approval(String id) {
        check();
        return Optional.ofNullable(approvals.get(id));
    }

    @Override
    public synchronized List<Approval> approvals(String channelId) {
        check();
        return approvals.values().stream().filter(a -> channelId == null || a.channelId().equals(channelId))
                .sorted(Comparator.comparing(Approval::createdAt).reversed()).toList();
    }

    @Override
    public synchronized List<Approval> openApprovals(String channelId) {
        check();
        return approvals(channelId).stream().filter(Approval::open).toList();
    }

    @Override
    public synchronized Approval revokeApproval(String id, String by, Instant at) {
        check();
        Approval a = approval(id).orElseThrow(() -> new StoreException("revoke approval " + id + ": not found"));
        if (!a.open()) {
            throw new IllegalStateException("approval " + id + " is " + (a.revokedAt() != null ? "revoked" : "consumed"));
        }
        Approval revoked = new Approval(a.id(), a.channelId(), a.text(), a.notBefore(), a.notAfter(), a.draftedBy(),
                a.approvedBy(), a.createdAt(), at, a.consumedBy(), a.consumedAt(), a.maxUses(), a.uses());
        approvals.put(id, revoked);
        auditEvent("approval.revoked", id, Map.of("by", by), at);
        return revoked;
    }

    @Override
    public synchronized void markApprovalLate(String approvalId, String postKey, String alertId, Instant at) {
        check();
        if (!approvals.containsKey(approvalId)) {
            throw new StoreException("unknown approval '" + approvalId + "'");
        }
        if (late.putIfAbsent(approvalId, postKey) != null) {
            throw new IllegalStateException("approval " + approvalId + " is already recorded as late");
        }
        auditEvent("approval.late", approvalId, Map.of("post", postKey, "alert", alertId), at);
    }

    @Override
    public synchronized Map<String, String> lateApprovals(String channelId) {
        check();
        Map<String, String> out = new LinkedHashMap<>();
        late.forEach((id, post) -> {
            if (channelId == null || approvals.get(id).channelId().equals(channelId)) {
                out.put(id, post);
            }
        });
        return out;
    }

    // ---- off-boarding ----

    @Override
    public synchronized List<RotationTask> openRotationTasks(String userId, Instant leftAt, List<String> channelIds,
                                                             String by, Instant at) {
        check();
        List<RotationTask> opened = new java.util.ArrayList<>();
        for (String channel : channelIds) {
            RotationTask t = new RotationTask(rotationTasks.size() + 1, channel, userId, leftAt, at, null);
            rotationTasks.add(t);
            opened.add(t);
            auditEvent("offboarding.task_opened", channel, Map.of("user", userId, "by", by), at);
        }
        return opened;
    }

    @Override
    public synchronized List<RotationTask> rotationTasks(String channelId) {
        check();
        return rotationTasks.stream().filter(t -> channelId == null || t.channelId().equals(channelId)).toList();
    }

    @Override
    public synchronized void recordCredentialRotation(String channelId, String by, Instant at) {
        check();
        rotations.merge(channelId, at, (a, b) -> a.isAfter(b) ? a : b);
        rotationTasks.replaceAll(t -> t.channelId().equals(channelId) && t.open() && !at.isBefore(t.openedAt())
                ? new RotationTask(t.id(), t.channelId(), t.userId(), t.leftAt(), t.openedAt(), at) : t);
        auditEvent("channel.credentials_rotated", channelId, Map.of("by", by), at);
    }

    @Override
    public synchronized Map<String, Instant> lastCredentialRotations() {
        check();
        return Map.copyOf(rotations);
    }

    // ---- drafts ----

    @Override
    public synchronized Draft addDraft(Draft draft) {
        check();
        if (drafts.containsKey(draft.id())) {
            throw new IllegalStateException("draft " + draft.id() + " exists already");
        }
        drafts.put(draft.id(), draft);
        auditEvent("draft.submitted", draft.id(), Map.of("by", draft.draftedBy()), draft.createdAt());
        return draft;
    }

    @Override
    public synchronized Optional<Draft> draft(String id) {
        check();
        return Optional.ofNullable(drafts.get(id));
    }

    @Override
    public synchronized List<Draft> drafts(String channelId, Draft.Status status) {
        check();
        return drafts.values().stream().filter(d -> channelId == null || d.channelId().equals(channelId))
                .filter(d -> status == null || d.status() == status)
                .sorted(Comparator.comparing(Draft::createdAt).reversed()).toList();
    }

    @Override
    public synchronized Draft approveDraft(String id, String by, Approval approval, Instant at) {
        Draft d = pendingDraft(id);
        if (d.approvers().contains(by)) {
            throw new IllegalStateException("draft " + id + " is already approved by " + by);
        }
        if (approval != null) {
            addApproval(approval);
        }
        List<String> approvers = new java.util.ArrayList<>(d.approvers());
        approvers.add(by);
        Draft next = new Draft(d.id(), d.channelId(), d.text(), d.notBefore(), d.notAfter(), d.draftedBy(),
                d.createdAt(), approvers, approval == null ? null : approval.id(), null, null,
                approval == null ? null : at);
        drafts.put(id, next);
        auditEvent("draft.approved", id, Map.of("by", by), at);
        return next;
    }

    @Override
    public synchronized Draft rejectDraft(String id, String by, String reason, Instant at) {
        Draft d = pendingDraft(id);
        Draft next = new Draft(d.id(), d.channelId(), d.text(), d.notBefore(), d.notAfter(), d.draftedBy(),
                d.createdAt(), d.approvers(), null, by, reason, at);
        drafts.put(id, next);
        auditEvent("draft.rejected", id, Map.of("by", by, "reason", reason), at);
        return next;
    }

    private Draft pendingDraft(String id) {
        check();
        Draft d = draft(id).orElseThrow(() -> new StoreException("unknown draft '" + id + "'"));
        if (d.status() != Draft.Status.PENDING) {
            throw new IllegalStateException("draft " + id + " is already " + d.status().wire());
        }
        return d;
    }

    // ---- alerts and outbox ----

    @Override
    public Optional<Alert> commitDetection(StoredPost version, List<Finding> findings, String consumedApprovalId,
                                           String officeId, Recipients recipients, Instant at) {
        throw new UnsupportedOperationException("MemoryStore.commitDetection");
    }

    @Override
    public synchronized Optional<Alert> alert(String id) {
        check();
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized List<Alert> alerts(AlertStatus status, String channelId) {
        check();
        return alerts.values().stream()
                .filter(a -> status == null || a.status() == status)
                .filter(a -> channelId == null || a.channelId().equals(channelId))
                .sorted(Comparator.comparing(Alert::createdAt).reversed().thenComparing(Alert::id)).toList();
    }

    @Override
    public synchronized Alert closeAlert(String alertId, AlertStatus status, Resolution resolution, String by,
                                         String consumedApprovalId, Recipients recipients, Instant at) {
        check();
        Alert a = alert(alertId).orElseThrow(() -> new StoreException("close alert " + alertId + ": not found"));
        if (a.status() == AlertStatus.RESOLVED || (status == AlertStatus.ACKNOWLEDGED && a.status() != AlertStatus.OPEN)) {
            throw new IllegalStateException("alert " + alertId + " is already " + a.status().wire()
                    + (a.resolution() == null ? "" : " (" + a.resolution().wire() + ")"));
        }
        if (consumedApprovalId != null) {
            consume(consumedApprovalId, a.channelId() + "/" + a.post().platformId(), at);
        }
        Alert closed = new Alert(a.id(), a.channelId(), a.platform(), a.officeId(), a.severity(), a.reasons(),
                a.post(), a.createdAt(), at, a.revision() + 1, status, resolution);
        alerts.put(alertId, closed);
        java.util.Set<String> earlier = new java.util.HashSet<>();
        outbox.stream().filter(d -> d.alertId().equals(alertId)).forEach(d -> earlier.add(d.sinkKey()));
        for (String key : recipients.choose(closed, status == AlertStatus.ACKNOWLEDGED
                ? de.wachposten.model.AlertChange.ACKNOWLEDGED : de.wachposten.model.AlertChange.RESOLVED, earlier)) {
            outbox.add(new Delivery(nextId++, alertId, closed.revision(), key, 0, at, at, null));
        }
        auditEvent("alert." + status.wire(), alertId,
                Map.of("by", by, "resolution", resolution == null ? "" : resolution.wire()), at);
        return closed;
    }

    private void consume(String approvalId, String postKey, Instant at) {
        Approval ap = approvals.get(approvalId);
        if (ap == null || !ap.open()) {
            throw new IllegalStateException("approval " + approvalId + " is not open");
        }
        approvals.put(approvalId, new Approval(ap.id(), ap.channelId(), ap.text(), ap.notBefore(), ap.notAfter(),
                ap.draftedBy(), ap.approvedBy(), ap.createdAt(), null, postKey, at, ap.maxUses(), ap.uses() + 1));
        auditEvent("approval.consumed", approvalId, Map.of("post", postKey), at);
    }

    @Override
    public synchronized List<Map<String, Object>> deliveries(String alertId) {
        check();
        return outbox.stream().filter(d -> d.alertId().equals(alertId))
                .map(d -> Map.<String, Object>of("id", d.id(), "sink", d.sinkKey(), "revision", d.revision()))
                .toList();
    }

    @Override
    public synchronized List<Delivery> dueDeliveries(Instant now, int limit) {
        check();
        return outbox.stream().filter(d -> !d.nextAttemptAt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public synchronized void deliverySucceeded(long deliveryId, Instant at) {
        check();
        outbox.removeIf(d -> d.id() == deliveryId);
    }

    @Override
    public synchronized void deliveryRetry(long deliveryId, Instant nextAttemptAt, String error) {
        check();
        outbox.replaceAll(d -> d.id() == deliveryId ? new Delivery(d.id(), d.alertId(), d.revision(), d.sinkKey(),
                d.attempts() + 1, d.createdAt(), nextAttemptAt, error) : d);
    }

    @Override
    public synchronized void deliveryDead(long deliveryId, Instant at, String error) {
        check();
        outbox.removeIf(d -> d.id() == deliveryId);
    }

    @Override
    public synchronized long outboxBacklog() {
        check();
        return outbox.size();
    }

    // ---- audit ----

    @Override
    public int purgeArchive(Instant publishedBefore, int keepNewestPerChannel, Instant at) {
        throw new UnsupportedOperationException("purgeArchive");
    }

    @Override
    public synchronized void audit(String type, String subject, Map<String, Object> data, Instant at) {
        check();
        auditEvent(type, subject, data, at);
    }

    private void auditEvent(String type, String subject, Map<String, Object> data, Instant at) {
        audit.add(Map.of("seq", (long) audit.size() + 1, "at", at, "type", type, "subject", subject,
                "data", Map.copyOf(data), "hash", ""));
    }

    @Override
    public synchronized Optional<ProfileSnapshot> profile(String channelId) {
        return Optional.ofNullable(profiles.get(channelId));
    }

    @Override
    public synchronized void saveProfile(String channelId, ProfileSnapshot profile) {
        profiles.put(channelId, profile);
    }

    @Override
    public synchronized List<Map<String, Object>> auditEvents(String subjectPrefix, Instant from, Instant to) {
        check();
        return audit.stream()
                .filter(e -> subjectPrefix == null || ((String) e.get("subject")).startsWith(subjectPrefix))
                .filter(e -> from == null || !((Instant) e.get("at")).isBefore(from))
                .filter(e -> to == null || !((Instant) e.get("at")).isAfter(to))
                .toList();
    }

    @Override
    public AuditCheck verifyAudit() {
        throw new UnsupportedOperationException("MemoryStore.verifyAudit");
    }

    @Override
    public void close() {
        // nothing to release
    }

    private void check() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public Optional<Alert> escalate(String alertId, java.time.Duration after, java.time.Duration repeat,
                                    Recipients recipients, Instant at) {
        throw new UnsupportedOperationException("MemoryStore.escalate");
    }

    private final Map<String, String> settings = new java.util.HashMap<>();

    @Override
    public synchronized String setting(String name, String initial) {
        return settings.computeIfAbsent(name, n -> initial);
    }
}
