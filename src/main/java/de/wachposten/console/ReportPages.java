package de.wachposten.console;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.report.ChannelReport;
import de.wachposten.report.ReportBuilder;
import de.wachposten.report.ReportException;
import de.wachposten.report.ReportFormat;
import de.wachposten.report.ReportSpan;
import de.wachposten.report.ReportText;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /report}: the incident review of one channel over a span, built by the {@code report} command's own
 * {@link ReportBuilder}: the incidents and the timeline on screen, and {@code /report/download} with the same
 * rendering as the command ({@link ReportFormat}: md, html, json) as an attachment. Span ends as the command reads
 * them ({@link ReportSpan}: a date or a local date-time in the channel's zone, or an instant). A channel of another
 * office is "not found".
 */
record ReportPages(Console console, Config config, ReportBuilder builder) {
    /** The span asked for, checked. */
    private record Ask(ChannelConfig channel, String fromText, String toText, Instant from, Instant to) {}

    void page(RoutingContext ctx, Console.Visit v) {
        ConsoleText t = v.t();
        String channelId = AlertPages.blankToNull(ctx.request().getParam("channel"));
        String from = java.util.Objects.requireNonNullElse(ctx.request().getParam("from"), "").strip();
        String to = java.util.Objects.requireNonNullElse(ctx.request().getParam("to"), "").strip();
        if (channelId == null) {
            render(ctx, v, 200, channelId, from, to, null, null);
            return;
        }
        Ask ask;
        try {
            ask = ask(ctx, v, channelId, from, to);
        } catch (ReportException e) {
            render(ctx, v, 400, channelId, from, to, e.getMessage(), null);
            return;
        }
        if (ask == null) {
            return;
        }
        console.blocking(ctx, v, () -> {
            try {
                return builder.build(ask.channel().id(), ask.from(), ask.to());
            } catch (ReportException e) {
                return e;
            }
        }, r -> {
            if (r instanceof ReportException e) {
                render(ctx, v, 400, channelId, from, to, e.getMessage(), null);
            } else {
                render(ctx, v, 200, channelId, from, to, null, (ChannelReport) r);
            }
        });
    }

    void download(RoutingContext ctx, Console.Visit v) {
        ConsoleText t = v.t();
        String channelId = AlertPages.blankToNull(ctx.request().getParam("channel"));
        String from = java.util.Objects.requireNonNullElse(ctx.request().getParam("from"), "").strip();
        String to = java.util.Objects.requireNonNullElse(ctx.request().getParam("to"), "").strip();
        ReportFormat format;
        Ask ask;
        try {
            format = ReportFormat.parse(java.util.Objects.requireNonNullElse(ctx.request().getParam("format"), ""));
            ask = ask(ctx, v, channelId, from, to);
        } catch (ReportException e) {
            console.message(ctx, t, v, 400, e.getMessage());
            return;
        }
        if (ask == null) {
            return;
        }
        console.blocking(ctx, v, () -> {
            try {
                return format.render(builder.build(ask.channel().id(), ask.from(), ask.to()));
            } catch (ReportException e) {
                return e;
            }
        }, r -> {
            if (r instanceof ReportException e) {
                console.message(ctx, t, v, 400, e.getMessage());
                return;
            }
            String ext = format.name().toLowerCase(Locale.ROOT);
            String type = switch (format) {
                case MD -> "text/markdown; charset=utf-8";
                case HTML -> "text/html; charset=utf-8";
                case JSON -> "application/json";
            };
            String name = ("report-" + ask.channel().id() + "-" + from + "-" + to).replaceAll("[^A-Za-z0-9._-]", "_");
            ctx.response().putHeader("Content-Type", type)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + name + "." + ext + "\"")
                    .end((String) r);
        });
    }

    /** The checked span; null when the channel is not the user's (the 404 page is sent). */
    private Ask ask(RoutingContext ctx, Console.Visit v, String channelId, String from, String to) {
        ChannelConfig ch = Pages.visibleChannel(config, v.user(), channelId);
        if (ch == null) {
            console.message(ctx, v.t(), v, 404, v.t().t("error.not_found"));
            return null;
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new ReportException(v.t().t("report.span_missing"));
        }
        return new Ask(ch, from, to, ReportSpan.parse("from", from, ch.policy().timezone()),
                ReportSpan.parse("to", to, ch.policy().timezone()));
    }

    private void render(RoutingContext ctx, Console.Visit v, int status, String channel, String from, String to,
                        String error, ChannelReport r) {
        ConsoleText t = v.t();
        List<Views.Option> channels = Pages.channelOptions(config, v.user(), channel, null);
        if (r == null) {
            console.html(ctx, status, "report.jte", new Views.Report(v.page("report.title", "report"), channels,
                    from, to, error == null ? null : Views.inert(error), null, null, null, null, List.of(), List.of(),
                    List.of()));
            return;
        }
        List<Views.IncidentView> incidents = ReportText.incidents(r).stream()
                .map(i -> new Views.IncidentView(Views.inert(i.heading()), Views.inert(i.narrative()),
                        i.lines().stream().map(Views::inert).toList())).toList();
        List<Views.TimelineRow> timeline = r.timeline().stream()
                .map(e -> new Views.TimelineRow(ReportText.time(r, e), e.kind().label(),
                        e.postKey() == null ? "" : Views.inert(e.postKey()), Views.inert(e.text()))).toList();
        String query = "channel=" + enc(r.channelId()) + "&from=" + enc(from) + "&to=" + enc(to);
        List<Views.Option> downloads = List.of(
                new Views.Option("/report/download?format=md&" + query, t.t("report.md"), false),
                new Views.Option("/report/download?format=html&" + query, t.t("report.html"), false),
                new Views.Option("/report/download?format=json&" + query, t.t("report.json"), false));
        console.html(ctx, status, "report.jte", new Views.Report(v.page("report.title", "report"), channels, from,
                to, null, Views.inert(r.channelName() + " (" + r.channelId() + ")"), Views.inert(r.policy()),
                ReportText.span(r), ReportText.counts(r), incidents, timeline, downloads));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
