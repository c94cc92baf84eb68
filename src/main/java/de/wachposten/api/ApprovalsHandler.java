package de.wachposten.api;

import de.wachposten.approval.FourEyes;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/approvals}: records approvals with the server-side four-eyes rule (the approver is the caller, holds
 * the approver role for the channel's office and is not the drafter), lists them, revokes them. A new approval that
 * matches an already published post resolves that post's open {@code unapproved} alert ({@link LateApproval}).
 */
public final class ApprovalsHandler {
    /** Longest approved text, in characters (code points). */
    public static final int MAX_TEXT = 10_000;

    private static final Set<String> CREATE_FIELDS = Set.of("channel", "text", "not_before", "not_after", "drafted_by",
            "max_uses");
    /** Most posts one approval may be used by ({@code max_uses}). */
    static final int MAX_USES = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Draft(ChannelConfig channel, String text, Instant notBefore, boolean openStart, Instant notAfter,
                         String draftedBy, int maxUses) {}

    private record Created(Approval approval, Optional<String> resolvedAlert) {}

    private final Vertx vertx;
    private final Access access;
    private final Store store;
    private final Clock clock;
    private final LateApproval late;
    private final FourEyes fourEyes;

    public ApprovalsHandler(Vertx vertx, Access access, Store store, Clock clock, LateApproval late,
                            FourEyes fourEyes) {
        this.vertx = vertx;
        this.access = access;
        this.store = store;
        this.clock = clock;
        this.late = late;
        this.fourEyes = fourEyes;
    }

    /** {@code POST /api/v1/approvals} → 201 with the record plus {@code late} (and {@code resolved_alert}). */
    public void create(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        Instant now = clock.instant();
        Draft d = validate(Input.body(ctx, CREATE_FIELDS, false), now);
        String office = d.channel().officeId();
        Access.require(fourEyes.approval(d.draftedBy(), caller.id(), office));
        Approval approval = new Approval(newId(), d.channel().id(), d.text(), d.notBefore(), d.notAfter(),
                d.draftedBy(), caller.id(), now, null, null, null).withMaxUses(d.maxUses());
        vertx.executeBlocking(() -> record(approval, d.openStart()), false)
                .onSuccess(c -> {
                    JsonObject body = TextLimits.warn(ApprovalJson.of(c.approval()), platform(c.approval()),
                            c.approval().text()).put("late", c.resolvedAlert().isPresent());
                    c.resolvedAlert().ifPresent(id -> body.put("resolved_alert", id));
                    Replies.json(ctx, 201, body);
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/approvals[?channel=…]} → the approvals the caller may see, newest first. */
    public void list(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        String channel = Input.query(ctx, "channel");
        if (channel != null) {
            access.visibleChannel(caller, "channel", channel);
        }
        vertx.executeBlocking(() -> Map.entry(store.approvals(channel), store.lateApprovals(channel)), false)
                .onSuccess(both -> {
                    JsonArray out = new JsonArray();
                    Map<String, String> lateOnes = both.getValue();
                    both.getKey().stream().filter(a -> access.seesChannel(caller, a.channelId()))
                            .forEach(a -> out.add(ApprovalJson.of(a).put("late", lateOnes.containsKey(a.id()))
                                    .put("late_for", lateOnes.get(a.id()))));
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/approvals/{id}/revoke} by an approver of the office → 200 with the record. */
    public void revoke(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        Input.body(ctx, Set.of(), true);
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        vertx.executeBlocking(() -> revoke(caller, id, now), false)
                .onSuccess(a -> Replies.json(ctx, 200, ApprovalJson.of(a)))
                .onFailure(ctx::fail);
    }

    private Draft validate(JsonObject body, Instant now) {
        ChannelConfig channel = access.channel("channel", Input.requiredString(body, "channel"));
        String text = Input.requiredString(body, "text");
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw ApiException.badField("text", "longer than " + MAX_TEXT + " characters");
        }
        Instant notBefore = Input.instant("not_before", Input.string(body, "not_before"));
        Instant notAfter = Input.instant("not_after", Input.string(body, "not_after"));
        Instant start = notBefore == null ? now : notBefore;
        if (notAfter != null && !notAfter.isAfter(start)) {
            throw ApiException.badField("not_after", "must be after not_before (" + start + ")");
        }
        String draftedBy = Input.requiredString(body, "drafted_by");
        return new Draft(channel, text, notBefore, notBefore == null, notAfter, draftedBy, maxUses(body));
    }

    /** {@code max_uses}: how many posts may use the approval (default 1: the text may appear once). */
    private static int maxUses(JsonObject body) {
        Object v = body.getValue("max_uses");
        if (v == null) {
            return 1;
        }
        if (!(v instanceof Integer n) || n < 1 || n > MAX_USES) {
            throw ApiException.badField("max_uses", "must be a whole number from 1 to " + MAX_USES);
        }
        return n;
    }

    private Created record(Approval approval, boolean openStart) {
        Approval saved = store.addApproval(approval);
        Optional<String> resolved = late.resolve(saved, threshold(saved.channelId()), openStart, saved.approvedBy());
        Approval current = resolved.isPresent() ? store.approval(saved.id()).orElse(saved) : saved;
        return new Created(current, resolved);
    }

    private String platform(Approval a) {
        return access.channelIfKnown(a.channelId()).map(ChannelConfig::platform).orElse("");
    }

    private double threshold(String channelId) {
        return access.channelIfKnown(channelId).map(c -> c.policy().similarity())
                .orElse(de.wachposten.config.Policy.DEFAULT_SIMILARITY);
    }

    private Approval revoke(User caller, String id, Instant now) {
        Approval a = store.approval(id).orElseThrow(() -> ApiException.notFound("approval " + id + " not found"));
        String office = access.channelIfKnown(a.channelId()).map(ChannelConfig::officeId).orElse(null);
        if (office == null) {
            if (!caller.has(Role.ADMIN)) {
                throw ApiException.forbidden("channel " + a.channelId() + " is no longer configured; only an admin"
                        + " may revoke its approvals");
            }
        } else {
            Access.requireRole(caller, Role.APPROVER, office);
        }
        if (a.revokedAt() != null) {
            throw ApiException.conflict("approval " + id + " is already revoked (at " + a.revokedAt() + ")");
        }
        if (a.uses() >= a.maxUses()) {
            throw ApiException.conflict("approval " + id + " is consumed (by post " + a.consumedBy() + ") and can no"
                    + " longer be revoked");
        }
        try {
            return store.revokeApproval(id, caller.id(), now);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("approval " + id + ": " + e.getMessage());
        }
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "ap-" + HexFormat.of().formatHex(b);
    }
}
