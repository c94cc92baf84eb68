package de.wachposten.report;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Policy;
import de.wachposten.model.Alert;
import de.wachposten.model.Approval;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds the review of one channel over a span from the store. Blocking (JDBC): call it off any event loop.
 *
 * <p>Failure contract: {@link ReportException} naming the channel and span when the channel is not configured, the span
 * is empty or reversed, or nothing was recorded in it; {@link de.wachposten.store.StoreException} when the store fails.
 */
public final class ReportBuilder {
    /** Most posts one report covers. */
    public static final int MAX_POSTS = 10_000;

    private final Store store;
    private final Config config;
    private final Clock clock;

    public ReportBuilder(Store store, Config config, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The review of channel {@code channelId} over {@code [from, to)}. */
    public ChannelReport build(String channelId, Instant from, Instant to) {
        ChannelConfig ch = channel(channelId);
        if (!to.isAfter(from)) {
            throw new ReportException("report for channel " + channelId + ": the span is empty (--to " + to
                    + " is not after --from " + from + ")");
        }
        List<List<StoredPost>> posts = new ArrayList<>();
        for (StoredPost latest : store.searchPosts(channelId, null, from, to, MAX_POSTS).reversed()) {
            posts.add(store.versions(channelId, latest.post().platformId()));
        }
        Map<String, List<StoredPost>> byKey = posts.stream()
                .collect(Collectors.toMap(v -> v.getFirst().key(), v -> v, (a, b) -> a, LinkedHashMap::new));
        List<Approval> allApprovals = store.approvals(channelId);
        List<Approval> approvals = allApprovals.stream().filter(a -> relevant(a, from, to))
                .sorted(Comparator.comparing(Approval::createdAt)).toList();
        List<Map<String, Object>> audit = store.auditEvents(channelId + "/", null, null);
        List<Incident> incidents = new ArrayList<>();
        for (Alert a : store.alerts(null, channelId).reversed()) {
            String key = channelId + "/" + a.post().platformId();
            boolean inSpan = !a.createdAt().isBefore(from) && a.createdAt().isBefore(to);
            if (byKey.containsKey(key) || inSpan) {
                List<StoredPost> versions = byKey.computeIfAbsent(key,
                        k -> store.versions(channelId, a.post().platformId()));
                incidents.add(incident(a, versions, eventsOf(audit, key), allApprovals));
            }
        }
        if (posts.isEmpty() && approvals.isEmpty() && incidents.isEmpty()) {
            throw new ReportException("report for channel " + channelId + ": nothing was recorded between "
                    + from + " and " + to + " (no posts, approvals or alerts)");
        }
        incidents.sort(Comparator.comparing(Incident::publishedAt));
        List<ReportEvent> timeline = new TimelineEvents(new ReportTimes(ch.policy().timezone()))
                .build(List.copyOf(byKey.values()), approvals, incidents, audit, from, to);
        return new ChannelReport(ch.id(), ch.name() == null ? ch.id() : ch.name(), ch.platform(), ch.account(),
                ch.officeId(), describe(ch.policy()), ch.policy().timezone(), from, to, clock.instant(), posts,
                approvals, incidents, timeline);
    }

    private ChannelConfig channel(String channelId) {
        return config.channels().stream().filter(c -> c.id().equals(channelId)).findFirst()
                .orElseThrow(() -> new ReportException("unknown channel '" + channelId + "': the config "
                        + config.source() + " has " + config.channels().stream().map(ChannelConfig::id)
                        .collect(Collectors.joining(", "))));
    }

    private static boolean relevant(Approval a, Instant from, Instant to) {
        return within(a.createdAt(), from, to) || within(a.consumedAt(), from, to) || within(a.revokedAt(), from, to)
                || (a.notBefore() == null || a.notBefore().isBefore(to)) && (a.notAfter() == null || a.notAfter().isAfter(from))
                && a.createdAt().isBefore(to);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }

    private static List<Map<String, Object>> eventsOf(List<Map<String, Object>> audit, String postKey) {
        return audit.stream().filter(e -> postKey.equals(e.get("subject"))).toList();
    }

    private Incident incident(Alert a, List<StoredPost> versions, List<Map<String, Object>> events,
                              List<Approval> approvals) {
        Instant delivered = null;
        String sink = null;
        int dead = 0;
        for (Map<String, Object> d : store.deliveries(a.id())) {
            Instant at = (Instant) d.get("delivered_at");
            if (at != null && (delivered == null || at.isBefore(delivered))) {
                delivered = at;
                sink = String.valueOf(d.get("sink"));
            }
            if ("dead".equals(d.get("state"))) {
                dead++;
            }
        }
        Instant ackAt = null;
        String ackBy = null;
        for (Map<String, Object> e : events) {
            String type = (String) e.get("type");
            if (ackAt == null && (type.equals("alert.acknowledged") || type.equals("alert.resolved"))) {
                ackAt = (Instant) e.get("at");
                ackBy = String.valueOf(((Map<?, ?>) e.get("data")).get("by"));
            }
        }
        Instant deletedAt = versions.getLast().deletedAt();
        String key = versions.getFirst().key();
        Instant published = versions.getFirst().post().publishedAt();
        Approval late = approvals.stream().filter(ap -> key.equals(ap.consumedBy()) && ap.createdAt().isAfter(published))
                .findFirst().orElse(null);
        return new Incident(a, versions, versions.getFirst().post().seenAt(), delivered, sink, dead, ackAt, ackBy,
                deletedAt, late);
    }

    /** The channel's safeguards in one line. */
    static String describe(Policy p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.approvalRequired() ? "four-eyes approval required for every post" : "no approval required");
        if (!p.hours().isEmpty()) {
            parts.add("posting hours " + p.hours().stream().map(h -> h.source()).collect(Collectors.joining(", "))
                    + " " + p.timezone() + (p.holidays() == null ? "" : " (holidays of " + p.holidays() + " excluded)"));
        }
        parts.add("status " + p.status());
        if (!p.clients().isEmpty()) {
            parts.add("allowed clients " + String.join(", ", p.clients()));
        }
        return String.join("; ", parts);
    }
}
