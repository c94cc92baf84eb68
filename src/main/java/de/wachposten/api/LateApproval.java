package de.wachposten.api;

import de.wachposten.alert.AlertService;
import de.wachposten.approval.ApprovalMatcher;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.ReasonCode;
import de.wachposten.store.Store;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An approval given after the post (README, Freigaben / Approvals: late approval): it resolves the channel's open
 * {@code unapproved} alert whose post text it matches, with resolution {@code approved_late}, and is consumed by that
 * post. Blocking; runs on a worker.
 *
 * <p>Window: an approval created without {@code not_before} starts "now" for future posts, yet an approver who
 * approves after the fact means the post already published; so when the caller gave no {@code not_before}, the
 * window's start does not apply to the late match. An explicit {@code not_before} (and any {@code not_after}) does.
 */
final class LateApproval {
    private static final Logger LOG = LoggerFactory.getLogger(LateApproval.class);

    private final Store store;
    private final AlertService alerts;
    private final ApprovalMatcher matcher = new ApprovalMatcher();

    LateApproval(Store store, AlertService alerts) {
        this.store = store;
        this.alerts = alerts;
    }

    /**
     * Resolves the first matching open alert (earliest publication) with {@code approval}.
     *
     * @param openStart true when the caller gave no {@code not_before}
     * @return the id of the resolved alert, or empty when none matched
     */
    Optional<String> resolve(Approval approval, double threshold, boolean openStart, String by) {
        Approval window = openStart ? withOpenStart(approval) : approval;
        Optional<Alert> target = store.alerts(AlertStatus.OPEN, approval.channelId()).stream()
                .filter(LateApproval::unapproved)
                .filter(a -> matcher.match(a.post().text(), a.post().links(), a.post().publishedAt(),
                        List.of(window), threshold).inWindow().isPresent())
                .min(Comparator.comparing((Alert a) -> a.post().publishedAt()).thenComparing(Alert::id));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String alertId = target.get().id();
        try {
            alerts.approvedLate(alertId, approval, by);
            return Optional.of(alertId);
        } catch (RuntimeException e) {
            // The approval is stored already; a failed resolution must not turn the 201 into an error the client
            // retries (which would record the approval twice). The alert stays open for a manual ack.
            LOG.warn("late approval {}: resolving alert {} failed, alert left open: {}", approval.id(), alertId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean unapproved(Alert a) {
        return a.reasons().stream().anyMatch(f -> f.code() == ReasonCode.UNAPPROVED);
    }

    private static Approval withOpenStart(Approval a) {
        return new Approval(a.id(), a.channelId(), a.text(), null, a.notAfter(), a.draftedBy(), a.approvedBy(),
                a.createdAt(), a.revokedAt(), a.consumedBy(), a.consumedAt(), a.maxUses(), a.uses());
    }
}
