package de.wachposten.api;

import de.wachposten.model.Draft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The draft as the API shows it. */
final class DraftJson {
    private DraftJson() {}

    /**
     * {@code id, channel, text, not_before, not_after, drafted_by, created_at, status, approvers, approval,
     * rejected_by, reason, decided_at}; absent values are JSON null.
     */
    static JsonObject of(Draft d) {
        return new JsonObject()
                .put("id", d.id())
                .put("channel", d.channelId())
                .put("text", d.text())
                .put("not_before", ApprovalJson.iso(d.notBefore()))
                .put("not_after", ApprovalJson.iso(d.notAfter()))
                .put("drafted_by", d.draftedBy())
                .put("created_at", ApprovalJson.iso(d.createdAt()))
                .put("status", d.status().wire())
                .put("approvers", new JsonArray(d.approvers()))
                .put("approval", d.approvalId())
                .put("rejected_by", d.rejectedBy())
                .put("reason", d.reason())
                .put("decided_at", ApprovalJson.iso(d.decidedAt()));
    }
}
