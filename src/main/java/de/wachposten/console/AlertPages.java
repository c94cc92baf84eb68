package de.wachposten.console;

import de.wachposten.api.Access;
import de.wachposten.api.Acknowledgement;
import de.wachposten.api.ApiException;
import de.wachposten.approval.ApprovalMatcher;
import de.wachposten.approval.WordDiff;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import de.wachposten.store.AlertQuery;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /alerts} (the inbox: a page of the alerts of the user's offices, newest first, filtered by channel, reason
 * and status in the store's query, paged by keyset: {@code before}/{@code after} name the alert a page continues
 * from) and {@code /alerts/{id}} (the post with every archived version and word diffs,
 * the reasons, the deletion evidence, the timeline), and acknowledging from either. An alert of an office the user
 * does not belong to is "not found", never shown.
 */
record AlertPages(Console console, Config config, Store store, Access access, Acknowledgement acknowledgement,
                  ApprovalMatcher matcher, CheckPages check) {
    /** Alerts per inbox page. */
    static final int PAGE_SIZE = 50;

    /** True when {@code user} may acknowledge alerts of {@code officeId} (the API's rule). */
    static boolean mayAck(User user, String officeId) {
        return user.may(Role.DRAFTER, officeId) || user.may(Role.APPROVER, officeId);
    }

    void inbox(RoutingContext ctx, Console.Visit v) {
        User user = v.user();
        ConsoleText t = v.t();
        String channel = blankToNull(ctx.request().getParam("channel"));
        String reasonParam = blankToNull(ctx.request().getParam("reason"));
        String statusParam = ctx.request().getParam("status");
        String beforeId = blankToNull(ctx.request().getParam("before"));
        String afterId = blankToNull(ctx.request().getParam("after"));
        List<ChannelConfig> visible = access.visibleChannels(user);
        AlertQuery first;
        try {
            if (channel != null && visible.stream().noneMatch(c -> c.id().equals(channel))) {
                throw ApiException.badField("channel", "unknown channel '" + channel + "'");
            }
            if (beforeId != null && afterId != null) {
                throw ApiException.badRequest("a page is either before or after an alert, not both");
            }
            ReasonCode reason = reasonParam == null ? null : ReasonCode.parse(reasonParam);
            AlertStatus status = statusParam == null ? AlertStatus.OPEN
                    : statusParam.isBlank() ? null : AlertStatus.parse(statusParam);
            first = AlertQuery.first(user.has(Role.ADMIN) ? null : user.offices(), status, channel, reason,
                    PAGE_SIZE + 1);
        } catch (ApiException e) {
            console.failed(ctx, v, e);
            return;
        } catch (IllegalArgumentException e) {
            console.failed(ctx, v, ApiException.badRequest(e.getMessage()));
            return;
        }
        String statusValue = first.status() == null ? "" : first.status().wire();
        console.blocking(ctx, v, () -> page(user, first, beforeId, afterId), page -> {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("channel", channel);
            filters.put("reason", reasonParam);
            filters.put("status", statusParam);
            List<Views.AlertRow> rows = page.alerts().stream().map(a -> Views.row(a, t, mayAck(user, a.officeId())))
                    .toList();
            String newer = page.newer() && !rows.isEmpty() ? link(filters, "after", rows.getFirst().id()) : null;
            String older = page.older() && !rows.isEmpty() ? link(filters, "before", rows.getLast().id()) : null;
            List<Views.Option> channels = new ArrayList<>();
            channels.add(new Views.Option("", t.t("alerts.any"), channel == null));
            visible.forEach(c -> channels.add(new Views.Option(c.id(), c.id(), c.id().equals(channel))));
            List<Views.Option> reasons = new ArrayList<>();
            reasons.add(new Views.Option("", t.t("alerts.any"), reasonParam == null));
            Arrays.stream(ReasonCode.values()).forEach(r -> reasons.add(new Views.Option(r.code(),
                    t.alerts().reason(r), r.code().equals(reasonParam))));
            List<Views.Option> statuses = new ArrayList<>();
            Arrays.stream(AlertStatus.values()).forEach(s -> statuses.add(new Views.Option(s.wire(),
                    t.t("status." + s.wire()), s.wire().equals(statusValue))));
            statuses.add(new Views.Option("", t.t("alerts.any"), statusValue.isEmpty()));
            boolean live = !page.newer() && channel == null && reasonParam == null
                    && first.status() == AlertStatus.OPEN;
            String title = first.status() == AlertStatus.OPEN ? "alerts.title" : "alerts.title.all";
            console.html(ctx, 200, "alerts.jte", new Views.Inbox(v.page(title, "alerts"), rows, channels, reasons,
                    statuses, resolutions(t), newer, older, live));
        });
    }

    /** A page of the inbox and whether there are newer and older alerts than those on it. */
    private record InboxPage(List<Alert> alerts, boolean newer, boolean older) {}

    /**
     * The page of {@code first}'s filters right before the alert {@code beforeId} (older ones), right after
     * {@code afterId} (newer ones), or the first page. A page after an alert that has no full page of newer ones is
     * the first page. Blocking.
     */
    private InboxPage page(User user, AlertQuery first, String beforeId, String afterId) {
        if (beforeId != null) {
            List<Alert> got = store.alertPage(new AlertQuery(first.offices(), first.status(), first.channelId(),
                    first.reason(), cursor(user, "before", beforeId), null, PAGE_SIZE + 1));
            return new InboxPage(got.stream().limit(PAGE_SIZE).toList(), true, got.size() > PAGE_SIZE);
        }
        if (afterId != null) {
            List<Alert> got = store.alertPage(new AlertQuery(first.offices(), first.status(), first.channelId(),
                    first.reason(), null, cursor(user, "after", afterId), PAGE_SIZE + 1));
            if (got.size() > PAGE_SIZE) { // newest first: the one beyond the page is the first
                return new InboxPage(got.subList(1, got.size()), true, true);
            }
        }
        List<Alert> got = store.alertPage(first);
        return new InboxPage(got.stream().limit(PAGE_SIZE).toList(), false, got.size() > PAGE_SIZE);
    }

    /** The place in the order of the alert {@code id} a page link names, when {@code user} sees it; else 400. */
    private AlertQuery.Key cursor(User user, String field, String id) {
        return store.alert(id).filter(a -> Access.sees(user, a.officeId())).map(AlertQuery.Key::of)
                .orElseThrow(() -> ApiException.badField(field, "unknown alert '" + id + "'"));
    }

    void detail(RoutingContext ctx, Console.Visit v) {
        String id = ctx.pathParam("id");
        ConsoleText t = v.t();
        console.blocking(ctx, v, () -> {
            Alert a = visibleAlert(v.user(), id);
            List<StoredPost> versions = store.versions(a.channelId(), a.post().platformId());
            String key = a.channelId() + "/" + a.post().platformId();
            List<Map<String, Object>> audit = new ArrayList<>(store.auditEvents(key, null, null));
            audit.addAll(store.auditEvents(a.id(), null, null));
            return new Views.Detail(v.page("alerts.title.all", "alerts"), Views.row(a, t, mayAck(v.user(),
                    a.officeId())), safeUrl(a.post().url()), Views.inert(a.post().author()),
                    Views.inert(a.post().client()), t.time(a.post().publishedAt()), versions(versions, t),
                    deletedAt(versions, t), evidence(versions), timeline(a, key, audit, store.deliveries(a.id()), t),
                    resolutions(t), closest(a, t));
        }, d -> console.html(ctx, 200, "alert.jte", d));
    }

    void acknowledge(RoutingContext ctx, Console.Visit v) {
        String id = ctx.pathParam("id");
        String resolutionParam = ctx.request().getFormAttribute("resolution");
        String note = blankToNull(ctx.request().getFormAttribute("note"));
        boolean fromDetail = "detail".equals(ctx.request().getFormAttribute("from"));
        console.blocking(ctx, v, () -> {
            visibleAlert(v.user(), id);
            Resolution resolution;
            try {
                resolution = Resolution.parse(resolutionParam);
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("resolution", e.getMessage());
            }
            return acknowledgement.acknowledge(v.user(), id, resolution, note);
        }, a -> {
            v.session().flash(v.t().t("alerts.acknowledged") + " " + v.t().alerts().headline(a) + " – "
                    + v.t().alerts().resolution(a.resolution()));
            Console.redirect(ctx, fromDetail ? "/alerts/" + a.id() : "/alerts");
        });
    }

    /**
     * For an unapproved alert: the open approval of its channel closest to the post, with the matcher's word diff;
     * null otherwise, or when the channel has none open. Blocking.
     */
    private Views.Closest closest(Alert a, ConsoleText t) {
        if (a.reasons().stream().noneMatch(f -> f.code() == ReasonCode.UNAPPROVED)) {
            return null;
        }
        double threshold = config.channel(a.channelId()).map(c -> c.policy().similarity())
                .orElse(ApprovalMatcher.DEFAULT_THRESHOLD);
        ApprovalMatcher.Match m = matcher.match(a.post().text(), a.post().links(), a.post().publishedAt(),
                store.openApprovals(a.channelId()), threshold);
        return check.closest(m, a.post().text(), a.post().links(), t);
    }

    /** The alert, when {@code user} sees its office; otherwise "not found", exactly like an unknown id. */
    private Alert visibleAlert(User user, String id) {
        return store.alert(id).filter(a -> Access.sees(user, a.officeId()))
                .orElseThrow(() -> ApiException.notFound("alert " + id + " not found"));
    }

    /** The resolutions of the acknowledge form, false positive chosen. */
    static List<Views.Option> resolutions(ConsoleText t) {
        return Arrays.stream(Resolution.values())
                .map(r -> new Views.Option(r.wire(), t.alerts().resolution(r), r == Resolution.FALSE_POSITIVE))
                .toList();
    }

    private static List<Views.Version> versions(List<StoredPost> versions, ConsoleText t) {
        List<Views.Version> out = new ArrayList<>();
        StoredPost before = null;
        for (StoredPost s : versions) {
            boolean deleted = s.deletedAt() != null;
            List<WordDiff.Piece> diff = before == null || deleted ? List.of()
                    : WordDiff.pieces(words(before.post().text()), words(s.post().text())).stream()
                            .map(p -> new WordDiff.Piece(Views.inert(p.words()), p.change())).toList();
            // a tombstone repeats the post's last text; what it records is when the deletion was seen
            out.add(new Views.Version(s.version(), t.time(deleted ? s.deletedAt() : s.post().seenAt()),
                    t.time(s.post().editedAt()),
                    Views.inert(s.post().text()), deleted, diff));
            if (!deleted) {
                before = s;
            }
        }
        return out;
    }

    private static String deletedAt(List<StoredPost> versions, ConsoleText t) {
        return versions.stream().map(StoredPost::deletedAt).filter(Objects::nonNull).findFirst().map(t::time)
                .orElse(null);
    }

    /** The last text seen before the post was deleted; null when it was not. */
    private static String evidence(List<StoredPost> versions) {
        if (versions.stream().noneMatch(s -> s.deletedAt() != null)) {
            return null;
        }
        return versions.stream().filter(s -> s.deletedAt() == null).reduce((a, b) -> b)
                .map(s -> Views.inert(s.post().text())).orElse("");
    }

    private static List<Views.Event> timeline(Alert a, String key, List<Map<String, Object>> audit,
                                              List<Map<String, Object>> deliveries, ConsoleText t) {
        record At(Instant at, String what) {}
        List<At> events = new ArrayList<>();
        for (Map<String, Object> e : audit) {
            String type = (String) e.get("type");
            Object data = e.get("data");
            Map<?, ?> d = data instanceof Map<?, ?> m ? m : Map.of();
            boolean ofThisAlert = key.equals(e.get("subject")) && a.id().equals(d.get("alert_id"))
                    || a.id().equals(e.get("subject"));
            if (!ofThisAlert) {
                continue;
            }
            String what = switch (type) {
                case "alert.created" -> t.t("timeline.created");
                case "alert.updated" -> t.t("timeline.updated");
                case "alert.acknowledged" -> t.t("timeline.acknowledged") + " " + d.get("by")
                        + resolution(d.get("resolution"), t);
                case "alert.resolved" -> t.t("timeline.resolved") + " " + d.get("by")
                        + resolution(d.get("resolution"), t);
                case "alert.escalated" -> t.t("timeline.escalated") + " (" + d.get("escalation") + ")";
                case "alert.note" -> t.t("timeline.note") + " " + d.get("by") + ": " + d.get("note");
                default -> null;
            };
            if (what != null) {
                events.add(new At((Instant) e.get("at"), Views.inert(what)));
            }
        }
        for (Map<String, Object> d : deliveries) {
            String state = String.valueOf(d.get("state"));
            Instant at = (Instant) Objects.requireNonNullElse(d.get("delivered_at"),
                    Objects.requireNonNullElse(d.get("dead_at"), d.get("created_at")));
            String error = d.get("last_error") == null ? "" : " – " + d.get("last_error");
            events.add(new At(at, Views.inert(t.t("timeline.delivery") + " " + d.get("sink") + " (rev. "
                    + d.get("revision") + "): " + t.t("delivery." + state) + error)));
        }
        events.sort(Comparator.comparing(At::at));
        return events.stream().map(e -> new Views.Event(t.time(e.at()), e.what())).toList();
    }

    private static String resolution(Object wire, ConsoleText t) {
        if (wire == null) {
            return "";
        }
        try {
            return " – " + t.alerts().resolution(Resolution.parse(wire.toString()));
        } catch (IllegalArgumentException e) {
            return " – " + wire;
        }
    }

    /** Only http(s) links to the post are shown as links; anything else ({@code javascript:}) is dropped. */
    private static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static List<String> words(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }

    private static String link(Map<String, String> filters, String cursor, String id) {
        StringBuilder sb = new StringBuilder("/alerts?");
        filters.forEach((k, val) -> {
            if (val != null) {
                sb.append(k).append('=').append(URLEncoder.encode(val, StandardCharsets.UTF_8)).append('&');
            }
        });
        return sb.append(cursor).append('=').append(URLEncoder.encode(id, StandardCharsets.UTF_8)).toString();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
