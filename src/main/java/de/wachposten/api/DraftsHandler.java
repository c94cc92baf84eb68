package de.wachposten.api;

import de.wachposten.config.User;
import de.wachposten.model.Draft;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/drafts}: the HTTP side of {@link DraftDecisions} (submit, list, approve, reject), which holds the
 * four-eyes and late-approval decisions the console uses as well.
 */
public final class DraftsHandler {
    private static final Set<String> CREATE_FIELDS = Set.of("channel", "text", "not_before", "not_after");

    private final Vertx vertx;
    private final Access access;
    private final DraftDecisions decisions;

    public DraftsHandler(Vertx vertx, Access access, DraftDecisions decisions) {
        this.vertx = vertx;
        this.access = access;
        this.decisions = decisions;
    }

    /** {@code POST /api/v1/drafts} by a drafter of the channel's office → 201 with the draft. */
    public void create(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        JsonObject body = Input.body(ctx, CREATE_FIELDS, false);
        String channel = Input.requiredString(body, "channel");
        String platform = access.channel("channel", channel).platform();
        String text = Input.requiredString(body, "text");
        Instant notBefore = Input.instant("not_before", Input.string(body, "not_before"));
        Instant notAfter = Input.instant("not_after", Input.string(body, "not_after"));
        vertx.executeBlocking(() -> decisions.submit(caller, channel, text, notBefore, notAfter), false)
                .onSuccess(d -> Replies.json(ctx, 201, TextLimits.warn(DraftJson.of(d), platform, text)))
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
        vertx.executeBlocking(() -> decisions.visible(caller, channel, status), false)
                .onSuccess(list -> {
                    JsonArray out = new JsonArray();
                    list.forEach(d -> out.add(DraftJson.of(d)));
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
        vertx.executeBlocking(() -> decisions.approve(caller, id), false)
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
        vertx.executeBlocking(() -> decisions.reject(caller, id, reason), false)
                .onSuccess(d -> Replies.json(ctx, 200, DraftJson.of(d))).onFailure(ctx::fail);
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
}
