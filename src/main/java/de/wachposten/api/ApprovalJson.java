package de.wachposten.api;

import de.wachposten.model.Approval;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The approval record as the API shows it. */
public final class ApprovalJson {
    private ApprovalJson() {}

    /**
     * {@code id, channel, text, not_before, not_after, drafted_by, approved_by, created_at, revoked_at, consumed_by,
     * consumed_at}; absent values are JSON null.
     */
    public static JsonObject of(Approval a) {
        return new JsonObject()
                .put("id", a.id())
                .put("channel", a.channelId())
                .put("text", a.text())
                .put("not_before", iso(a.notBefore()))
                .put("not_after", iso(a.notAfter()))
                .put("drafted_by", a.draftedBy())
                .put("approved_by", a.approvedBy())
                .put("created_at", iso(a.createdAt()))
                .put("revoked_at", iso(a.revokedAt()))
                .put("consumed_by", a.consumedBy())
                .put("consumed_at", iso(a.consumedAt()))
                .put("max_uses", a.maxUses())
                .put("uses", a.uses());
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
