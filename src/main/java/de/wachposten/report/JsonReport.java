package de.wachposten.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** JSON rendering: instants as ISO-8601 UTC, durations in seconds; field names in snake case like the HTTP API. */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {}

    static String render(ChannelReport r) {
        ObjectNode o = JSON.createObjectNode()
                .put("channel", r.channelId()).put("name", r.channelName()).put("platform", r.platform())
                .put("account", r.account()).put("office", r.officeId()).put("safeguards", r.policy())
                .put("timezone", r.zone().getId()).put("from", iso(r.from())).put("to", iso(r.to()))
                .put("generated_at", iso(r.generatedAt()));
        ArrayNode incidents = o.putArray("incidents");
        r.incidents().forEach(i -> incidents.add(incident(i)));
        ArrayNode timeline = o.putArray("timeline");
        r.timeline().forEach(e -> timeline.addObject().put("at", iso(e.at())).put("kind", e.kind().wire())
                .put("post", e.postKey()).put("text", e.text()));
        ArrayNode posts = o.putArray("posts");
        for (List<StoredPost> versions : r.posts()) {
            ObjectNode post = posts.addObject().put("key", versions.getFirst().key());
            ArrayNode vs = post.putArray("versions");
            versions.forEach(v -> vs.add(version(v)));
        }
        ArrayNode approvals = o.putArray("approvals");
        r.approvals().forEach(a -> approvals.add(approval(a)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON report: " + e.getMessage(), e);
        }
    }

    private static ObjectNode incident(Incident i) {
        ObjectNode o = JSON.createObjectNode().put("alert_id", i.alert().id())
                .put("severity", i.alert().severity().wire()).put("status", i.alert().status().wire())
                .put("resolution", i.alert().resolution() == null ? null : i.alert().resolution().wire());
        o.set("post", version(i.original()));
        ArrayNode reasons = o.putArray("reasons");
        for (Finding f : i.alert().reasons()) {
            reasons.addObject().put("code", f.code().code()).put("severity", f.severity().wire())
                    .put("detail", f.detail()).put("rule", f.rule()).put("safeguard", Summary.safeguard(f.code()));
        }
        return o.put("published_at", iso(i.publishedAt())).put("first_seen_at", iso(i.firstSeenAt()))
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

    private static ObjectNode version(StoredPost v) {
        Post p = v.post();
        return JSON.createObjectNode().put("version", v.version()).put("kind", v.kind().value())
                .put("id", p.platformId()).put("url", p.url())
                .put("author", p.author()).put("text", p.text()).put("client", p.client())
                .put("published_at", iso(p.publishedAt())).put("edited_at", iso(p.editedAt()))
                .put("seen_at", iso(p.seenAt())).put("deleted_at", iso(v.deletedAt()));
    }

    private static ObjectNode approval(Approval a) {
        return JSON.createObjectNode().put("id", a.id()).put("text", a.text()).put("drafted_by", a.draftedBy())
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
