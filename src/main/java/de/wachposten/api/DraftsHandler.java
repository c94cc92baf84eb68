package de.wachposten.api;

import de.wachposten.approval.FourEyes;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/drafts}: a drafter of the channel's office submits a text; approvers of that office approve or
 * reject it. The drafter never approves their own draft (four-eyes); with policy {@code min_approvers: n} a draft
 * becomes an approval only when n distinct approvers agreed. The approval then resolves a matching open
 * {@code unapproved} alert like a direct approval ({@link LateApproval}).
 */
public final class DraftsHandler {
    private static final Set<String> CREATE_FIELDS = Set.of("channel", "text", "not_before", "not_after");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Decision(Draft draft, Optional<Approval> approval, Optional<String> resolvedAlert) {}

    private final Vertx vertx;
    private final Access access;
    private final Store store;
    private final Clock clock;
    private final LateApproval late;
    private final FourEyes fourEyes;

    public DraftsHandler(Vertx vertx, Access access, Store store, Clock clock, LateApproval late, FourEyes fourEyes) {
        this.vertx = vertx;
        this.access = access;
        this.store = store;
        this.clock = clock;
        this.late = late;
        this.fourEyes = fourEyes;
    }

    /** {@code POST /api/v1/drafts} by a drafter of the channel's office → 201 with the draft. */
    public void create(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        Instant now = clock.instant();
        JsonObject body = Input.body(ctx, CREATE_FIELDS, false);
        ChannelConfig channel = access.channel("channel", Input.requiredString(body, "channel"));
        fourEyes.submission(caller.id(), channel.officeId()).ifPresent(v -> {
            throw ApiException.forbidden(v.problem());
        });
        String text = Input.requiredString(body, "text");
        if (text.codePointCount(0, text.length()) > ApprovalsHandler.MAX_TEXT) {
            throw ApiException.badField("text", "longer than " + ApprovalsHandler.MAX_TEXT + " characters");
        }
        Instant notBefore = Input.instant("not_before", Input.string(body, "not_before"));
        Instant notAfter = Input.instant("not_after", Input.string(body, "not_after"));
        Instant start = notBefore == null ? now : notBefore;
        if (notAfter != null && !notAfter.isAfter(start)) {
            throw ApiException.badField("not_after", "must be after not_before (" + start + ")");
        }
        Draft draft = Draft.submitted(newId("dr-"), channel.id(), text, notBefore, notAfter, caller.id(), now);
        vertx.executeBlocking(() -> store.addDraft(draft), false)
                .onSuccess(d -> Replies.json(ctx, 201, TextLimits.warn(DraftJson.of(d), channel.platform(), text)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/drafts[?channel=…&status=pending|approved|rejected]}, newest first. */
    public void list(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        String channel = Input.query(ctx, "channel");
        if (channel != null) {
            access.visibleChannel(caller, "channel", channel);
        }
        Draft.Status status = status(Input.query(ctx, "status"));
        vertx.executeBlocking(() -> store.drafts(channel, status), false)
                .onSuccess(list -> {
                    JsonArray out = new JsonArray();
                    list.stream().filter(d -> access.seesChannel(caller, d.channelId()))
                            .forEach(d -> out.add(DraftJson.of(d)));
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    /**
     * {@code POST /api/v1/drafts/{id}/approve} by an approver of the office who is not the drafter → 200 with the
     * approval (plus {@code draft}, {@code late}) once enough approvers agreed, else with the pending draft.
     */
    public void approve(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        Input.body(ctx, Set.of(), true);
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        vertx.executeBlocking(() -> approve(caller, id, now), false)
                .onSuccess(d -> {
                    if (d.approval().isEmpty()) {
                        Replies.json(ctx, 200, DraftJson.of(d.draft()));
                        return;
                    }
                    JsonObject body = ApprovalJson.of(d.approval().get()).put("draft", d.draft().id())
                            .put("late", d.resolvedAlert().isPresent());
                    d.resolvedAlert().ifPresent(alert -> body.put("resolved_alert", alert));
                    Replies.json(ctx, 200, body);
                })
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/drafts/{id}/reject} ({@code reason}) by an approver of the office → 200 with the draft. */
    public void reject(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        String reason = Input.requiredString(Input.body(ctx, Set.of("reason"), false), "reason");
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        vertx.executeBlocking(() -> {
            Draft d = pending(caller, id);
            return store.rejectDraft(d.id(), caller.id(), reason, now);
        }, false).onSuccess(d -> Replies.json(ctx, 200, DraftJson.of(d))).onFailure(ctx::fail);
    }

    private Decision approve(User caller, String id, Instant now) {
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

    private static Draft.Status status(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Draft.Status.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", "must be pending, approved or rejected");
        }
    }

    private static String newId(String prefix) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }
}
