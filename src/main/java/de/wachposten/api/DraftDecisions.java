package de.wachposten.api;

import de.wachposten.alert.AlertService;
import de.wachposten.approval.FourEyes;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The decisions on drafts, for the API and the console alike: a drafter of the channel's office submits a text;
 * approvers of that office approve or reject it. The drafter never approves their own draft (four-eyes, through
 * {@link FourEyes}); with policy {@code min_approvers: n} a draft becomes an approval only when n distinct approvers
 * agreed. The approval then resolves a matching open {@code unapproved} alert like a direct approval
 * ({@link LateApproval}). Every refusal is an {@link ApiException} whose message says why.
 *
 * <p>Blocking (the store is): call it on a worker thread.
 */
public final class DraftDecisions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of one approval: the draft after it, the approval once complete, the alert it resolved. */
    public record Decision(Draft draft, Optional<Approval> approval, Optional<String> resolvedAlert) {}

    private final Access access;
    private final Store store;
    private final Clock clock;
    private final LateApproval late;
    private final FourEyes fourEyes;

    DraftDecisions(Access access, Store store, Clock clock, LateApproval late, FourEyes fourEyes) {
        this.access = access;
        this.store = store;
        this.clock = clock;
        this.late = late;
        this.fourEyes = fourEyes;
    }

    /** The decisions on the drafts of {@code config}'s channels; approvals go through {@code alerts}. */
    public static DraftDecisions of(Config config, Store store, Clock clock, AlertService alerts) {
        return new DraftDecisions(new Access(config), store, clock, new LateApproval(store, alerts),
                new FourEyes(config));
    }

    /**
     * {@code caller} submits {@code text} for channel {@code channelId}, to be posted in the window (either end
     * nullable; no start means now).
     *
     * @throws ApiException 400 naming the field ({@code channel}, {@code text}, {@code not_after}), 403 without the
     *                      drafter role for the channel's office
     */
    public Draft submit(User caller, String channelId, String text, Instant notBefore, Instant notAfter) {
        Instant now = clock.instant();
        ChannelConfig channel = access.channel("channel", channelId);
        fourEyes.submission(caller.id(), channel.officeId()).ifPresent(v -> {
            throw ApiException.forbidden(v.problem());
        });
        if (text == null || text.isBlank()) {
            throw ApiException.badField("text", "must not be empty");
        }
        if (text.codePointCount(0, text.length()) > ApprovalsHandler.MAX_TEXT) {
            throw ApiException.badField("text", "longer than " + ApprovalsHandler.MAX_TEXT + " characters");
        }
        Instant start = notBefore == null ? now : notBefore;
        if (notAfter != null && !notAfter.isAfter(start)) {
            throw ApiException.badField("not_after", "must be after not_before (" + start + ")");
        }
        return store.addDraft(Draft.submitted(newId("dr-"), channel.id(), text, notBefore, notAfter, caller.id(),
                now));
    }

    /** Drafts of the channels {@code caller} may read, newest first; channel and status may be null for all. */
    public List<Draft> visible(User caller, String channelId, Draft.Status status) {
        return store.drafts(channelId, status).stream().filter(d -> access.seesChannel(caller, d.channelId()))
                .toList();
    }

    /**
     * {@code caller} approves pending draft {@code id}.
     *
     * @throws ApiException 404 unknown, 403 without the approver role or when the caller drafted it (four-eyes),
     *                      409 when it is decided already or the caller approved it before
     */
    public Decision approve(User caller, String id) {
        Instant now = clock.instant();
        Draft d = pending(caller, id);
        ChannelConfig channel = access.channelIfKnown(d.channelId()).orElseThrow();
        fourEyes.draftApproval(id, d.draftedBy(), caller.id(), channel.officeId()).ifPresent(v -> {
            throw ApiException.forbidden(v.problem());
        });
        if (d.approvers().contains(caller.id())) {
            throw ApiException.conflict("draft " + id + " is already approved by " + caller.id() + "; "
                    + "min_approvers needs another approver");
        }
        boolean complete = d.approvers().size() + 1 >= channel.policy().minApprovers();
        Approval approval = complete ? new Approval(newId("ap-"), d.channelId(), d.text(), d.notBefore(),
                d.notAfter(), d.draftedBy(), caller.id(), now, null, null, null) : null;
        Draft after;
        try {
            after = store.approveDraft(id, caller.id(), approval, now);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (approval == null) {
            return new Decision(after, Optional.empty(), Optional.empty());
        }
        Optional<String> resolved = late.resolve(approval, channel.policy().similarity(), d.notBefore() == null,
                caller.id());
        Approval current = resolved.isPresent() ? store.approval(approval.id()).orElse(approval) : approval;
        return new Decision(after, Optional.of(current), resolved);
    }

    /**
     * {@code caller} rejects pending draft {@code id} with {@code reason}.
     *
     * @throws ApiException 400 without a reason, 404 unknown, 403 without the approver role, 409 decided already
     */
    public Draft reject(User caller, String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badField("reason", "missing");
        }
        Draft d = pending(caller, id);
        return store.rejectDraft(d.id(), caller.id(), reason, clock.instant());
    }

    /** The pending draft {@code id} the caller may decide on: 404 unknown, 403 role or office, 409 decided. */
    private Draft pending(User caller, String id) {
        Draft d = store.draft(id).orElseThrow(() -> ApiException.notFound("draft " + id + " not found"));
        ChannelConfig channel = access.channelIfKnown(d.channelId()).orElseThrow(() -> ApiException.conflict(
                "draft " + id + " is for channel " + d.channelId() + ", which is no longer configured"));
        Access.requireRole(caller, Role.APPROVER, channel.officeId());
        if (d.status() != Draft.Status.PENDING) {
            throw ApiException.conflict("draft " + id + " is already " + d.status().wire());
        }
        return d;
    }

    private static String newId(String prefix) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }
}
