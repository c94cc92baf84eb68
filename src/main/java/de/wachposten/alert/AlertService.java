package de.wachposten.alert;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Resolution;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every change to an alert goes through here: creation and update from detection (new reasons, an edit, a deletion),
 * acknowledgement by a person, resolution by a late approval or a credential rotation, and escalation. Each change is
 * one store transaction that writes the new revision and, chosen by the {@link AlertRouter}, its outbox entries;
 * nothing else writes outbox rows. After a change is committed, the listeners hear of the new revision (the outbox,
 * so it delivers at once).
 *
 * <p>Blocking (the store is): call it on a worker thread, never on an event loop. Thread-safe.
 */
public final class AlertService {
    private final Store store;
    private final Recipients router;
    private final Clock clock;
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    /** @param router chooses the sinks of each revision: the daemon's {@link AlertRouter} */
    public AlertService(Store store, Recipients router, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.router = Objects.requireNonNull(router, "router");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Calls {@code listener} with each revision committed from now on, on the thread that committed it. */
    public void onChange(Consumer<Alert> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The alert, if it exists. */
    public Optional<Alert> alert(String id) {
        return store.alert(id);
    }

    /**
     * Commits the outcome of detection for one post version: the findings, the consumed approval, and the post's
     * alert (created, or updated with the reasons it did not have yet).
     *
     * @param at the time detection ran
     * @return the post's alert after the commit; empty when it has none
     */
    public Optional<Alert> detected(StoredPost version, List<Finding> findings, String consumedApprovalId,
                                    String officeId, Instant at) {
        Optional<Alert> after = store.commitDetection(version, findings, consumedApprovalId, officeId, router, at);
        // the store stamps a new revision with the detection time; an alert it left as it was keeps its older stamp
        after.filter(a -> a.updatedAt().equals(at)).ifPresent(this::changed);
        return after;
    }

    /**
     * A person acknowledges an open alert with a resolution.
     *
     * @throws de.wachposten.store.StoreException when the alert is unknown; {@link IllegalStateException} naming its
     *                                             status when it is not open
     */
    public Alert acknowledge(String alertId, Resolution resolution, String by) {
        Objects.requireNonNull(resolution, "resolution");
        return changed(store.closeAlert(alertId, AlertStatus.ACKNOWLEDGED, resolution, by, null, router,
                clock.instant()));
    }

    /**
     * A person's note on an alert (e.g. with their acknowledgement), kept in the audit log as {@code alert.note}.
     */
    public void note(String alertId, String by, String note) {
        store.audit("alert.note", alertId, java.util.Map.of("by", by, "note", note), clock.instant());
    }

    /**
     * An approval given after the post resolves the post's open alert as {@code approved_late}; the approval is
     * consumed by the post and recorded as late.
     *
     * @throws IllegalStateException when the alert is no longer open or the approval was used or marked late already
     */
    public Alert approvedLate(String alertId, Approval approval, String by) {
        Instant now = clock.instant();
        Alert closed = store.closeAlert(alertId, AlertStatus.RESOLVED, Resolution.APPROVED_LATE, by, approval.id(),
                router, now);
        store.markApprovalLate(approval.id(), closed.channelId() + "/" + closed.post().platformId(), alertId, now);
        return changed(closed);
    }

    /**
     * Resolves an alert whose cause is gone (an overdue credential rotation that is now done). The resolution stays
     * null: it was neither approved late nor a false positive nor an incident; the cause is in the audit log.
     *
     * @throws IllegalStateException when the alert is resolved already
     */
    public Alert resolve(String alertId, String by) {
        return changed(store.closeAlert(alertId, AlertStatus.RESOLVED, null, by, null, router, clock.instant()));
    }

    /**
     * After the channel's credentials were rotated: resolves (with {@link #resolve}) every alert of the channel that is
     * not resolved yet and was raised for an overdue-rotation entry ({@link StoredPost.Kind#CREDENTIALS}). A rotation
     * closes every task of the channel, so none of those alerts has a cause left; alerts of posts published while the
     * credentials were overdue stay as they are.
     *
     * @return the resolved alerts
     */
    public List<Alert> credentialsRotated(String channelId, String by) {
        return store.alerts(null, channelId).stream()
                .filter(a -> a.status() != AlertStatus.RESOLVED)
                .filter(a -> store.versions(channelId, a.post().platformId()).stream()
                        .anyMatch(v -> v.kind() == StoredPost.Kind.CREDENTIALS))
                .map(a -> resolve(a.id(), by))
                .toList();
    }

    /**
     * Escalates an open alert when it is due ({@code after} its creation, then every {@code repeat}; null: once).
     *
     * @return the escalated alert; empty when it is not open or not due
     */
    public Optional<Alert> escalate(String alertId, Duration after, Duration repeat, Instant at) {
        Optional<Alert> a = store.escalate(alertId, after, repeat, router, at);
        a.ifPresent(this::changed);
        return a;
    }

    private Alert changed(Alert a) {
        for (Consumer<Alert> l : listeners) {
            l.accept(a);
        }
        return a;
    }
}
