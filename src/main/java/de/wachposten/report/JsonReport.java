package de.wachposten.report;

import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** JSON rendering: instants as ISO-8601 UTC, durations in seconds; field names in snake case like the HTTP API. */
final class JsonReport {
    private JsonReport() {}

    static String render(ChannelReport r) {
        JsonObject o = new JsonObject()
                .put("channel", r.channelId()).put("name", r.channelName()).put("platform", r.platform())
                .put("account", r.account()).put("office", r.officeId()).put("safeguards", r.policy())
                .put("timezone", r.zone().getId()).put("from", iso(r.from())).put("to", iso(r.to()))
                .put("generated_at", iso(r.generatedAt()));
        JsonArray incidents = new JsonArray();
        r.incidents().forEach(i -> incidents.add(incident(i)));
        JsonArray timeline = new JsonArray();
        r.timeline().forEach(e -> timeline.add(new JsonObject().put("at", iso(e.at())).put("kind", e.kind().wire())
                .put("post", e.postKey()).put("text", e.text())));
        JsonArray posts = new JsonArray();
        for (List<StoredPost> versions : r.posts()) {
            JsonArray vs = new JsonArray();
            versions.forEach(v -> vs.add(version(v)));
            posts.add(new JsonObject().put("key", versions.getFirst().key()).put("versions", vs));
        }
        JsonArray approvals = new JsonArray();
        r.approvals().forEach(a -> approvals.add(approval(a)));
        return o.put("incidents", incidents).put("timeline", timeline).put("posts", posts)
                .put("approvals", approvals).encodePrettily() + "\n";
    }

    private static JsonObject incident(Incident i) {
        JsonArray reasons = new JsonArray();
        for (Finding f : i.alert().reasons()) {
            reasons.add(new JsonObject().put("code", f.code().code()).put("severity", f.severity().wire())
                    .put("detail", f.detail()).put("rule", f.rule()).put("safeguard", Summary.safeguard(f.code())));
        }
        return new JsonObject().put("alert_id", i.alert().id()).put("severity", i.alert().severity().wire())
                .put("status", i.alert().status().wire())
                .put("resolution", i.alert().resolution() == null ? null : i.alert().resolution().wire())
                .put("post", version(i.original())).put("reasons", reasons)
                .put("published_at", iso(i.publishedAt())).put("first_seen_at", iso(i.firstSeenAt()))
                .put("alert_created_at", iso(i.alert().createdAt()))
                .put("first_delivered_at", iso(i.firstDeliveredAt())).put("first_sink", i.firstSink())
                .put("dead_deliveries", i.deadDeliveries())
                .put("acknowledged_at", iso(i.acknowledgedAt())).put("acknowledged_by", i.acknowledgedBy())
                .put("deleted_at", iso(i.deletedAt()))
                .put("late_approval", i.lateApproval() == null ? null : i.lateApproval().id())
                .put("time_to_detect_seconds", seconds(i.timeToDetect()))
                .put("time_to_deliver_seconds", seconds(i.timeToDeliver()))
                .put("time_to_acknowledge_seconds", seconds(i.timeToAcknowledge()));
    }

    private static JsonObject version(StoredPost v) {
        Post p = v.post();
        return new JsonObject().put("version", v.version()).put("kind", v.kind().value()).put("id", p.platformId())
                .put("url", p.url())
                .put("author", p.author()).put("text", p.text()).put("client", p.client())
                .put("published_at", iso(p.publishedAt())).put("edited_at", iso(p.editedAt()))
                .put("seen_at", iso(p.seenAt())).put("deleted_at", iso(v.deletedAt()));
    }

    private static JsonObject approval(Approval a) {
        return new JsonObject().put("id", a.id()).put("text", a.text()).put("drafted_by", a.draftedBy())
                .put("approved_by", a.approvedBy()).put("created_at", iso(a.createdAt()))
                .put("not_before", iso(a.notBefore())).put("not_after", iso(a.notAfter()))
                .put("revoked_at", iso(a.revokedAt())).put("consumed_by", a.consumedBy())
                .put("consumed_at", iso(a.consumedAt()));
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }
}
