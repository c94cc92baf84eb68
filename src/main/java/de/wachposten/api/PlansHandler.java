package de.wachposten.api;

import de.wachposten.approval.plan.PlanException;
import de.wachposten.config.Config;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/plans}: imports an editorial plan (body {@code text/csv} or {@code text/calendar}) as approvals
 * given by the caller. Every row is checked ({@link PlanImport}); the caller must hold the approver role for each
 * row's office and must not be its drafter. All or nothing: one invalid row and nothing is stored (400 listing every
 * error as {@code plan.csv:line: message}).
 */
public final class PlansHandler {
    private final Vertx vertx;
    private final PlanUpload plans;

    public PlansHandler(Vertx vertx, Config config, Store store, Clock clock) {
        this.vertx = vertx;
        this.plans = new PlanUpload(config, store, clock);
    }

    /** → 201 with {@code imported} (count) and {@code approvals}. */
    public void create(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        String type = ctx.request().getHeader("Content-Type");
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String format = switch (mime) {
            case "text/csv" -> "csv";
            case "text/calendar" -> "ics";
            default -> throw ApiException.badField("Content-Type", "must be text/csv or text/calendar");
        };
        String content = ctx.body() == null || ctx.body().buffer() == null ? ""
                : ctx.body().buffer().toString(StandardCharsets.UTF_8);
        List<Approval> approvals;
        try {
            approvals = plans.check(caller, "plan." + format, format, content);
        } catch (PlanException e) {
            throw ApiException.badRequest(String.join("\n", e.errors()));
        }
        vertx.executeBlocking(() -> plans.store(approvals), false)
                .onSuccess(saved -> {
                    JsonArray out = new JsonArray();
                    saved.forEach(a -> out.add(ApprovalJson.of(a)));
                    Replies.json(ctx, 201, new JsonObject().put("imported", saved.size()).put("approvals", out));
                })
                .onFailure(ctx::fail);
    }
}
