package de.wachposten.console;

import de.wachposten.api.ApiException;
import de.wachposten.api.PostSearch;
import de.wachposten.config.Config;
import de.wachposten.model.ReasonCode;
import de.wachposten.store.StoredPost;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /search}: the archive search of the API ({@link PostSearch}: German-aware full text, channel, publication
 * days, alert reason) with the matched words marked in each result. A bad query is answered with 400 and the parser's
 * message in the page; a channel of another office is "not found".
 */
record SearchPages(Console console, Config config, PostSearch search) {
    /** Results shown. */
    static final int LIMIT = 50;

    void search(RoutingContext ctx, Console.Visit v) {
        ConsoleText t = v.t();
        String q = param(ctx, "q");
        String channel = param(ctx, "channel");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        String reason = param(ctx, "reason");
        boolean searched = q != null || channel != null || from != null || to != null || reason != null;
        if (channel != null && Pages.visibleChannel(config, v.user(), channel) == null) {
            console.message(ctx, t, v, 404, t.t("error.not_found"));
            return;
        }
        if (!searched) {
            render(ctx, v, 200, null, false, List.of(), q, channel, from, to, reason);
            return;
        }
        PostSearch.Query query;
        try {
            query = search.query(v.user(), channel, q, day("from", from, 0), day("to", to, 1), reason, LIMIT);
        } catch (ApiException e) {
            render(ctx, v, e.status(), e.getMessage(), false, List.of(), q, channel, from, to, reason);
            return;
        }
        console.blocking(ctx, v, () -> search.run(query).stream().map(p -> hit(p, query, t)).toList(),
                hits -> render(ctx, v, 200, null, true, hits, q, channel, from, to, reason));
    }

    private static Views.Hit hit(StoredPost p, PostSearch.Query query, ConsoleText t) {
        String text = p.post().text();
        List<String> terms = query.text() == null ? List.of() : query.text().terms(text);
        return new Views.Hit(p.post().channelId(), t.time(p.post().publishedAt()), null, p.version(),
                p.deletedAt() != null, Views.mark(text, terms));
    }

    private void render(RoutingContext ctx, Console.Visit v, int status, String error, boolean searched,
                        List<Views.Hit> hits, String q, String channel, String from, String to, String reason) {
        ConsoleText t = v.t();
        List<Views.Option> reasons = new ArrayList<>();
        reasons.add(new Views.Option("", t.t("alerts.any"), reason == null));
        Arrays.stream(ReasonCode.values()).forEach(r -> reasons.add(new Views.Option(r.code(), t.alerts().reason(r),
                r.code().equals(reason))));
        console.html(ctx, status, "search.jte", new Views.Search(v.page("search.title", "search"),
                q == null ? "" : q, Pages.channelOptions(config, v.user(), channel, t.t("alerts.any")),
                from == null ? "" : from, to == null ? "" : to, reasons, error == null ? null : Views.inert(error),
                searched, hits));
    }

    /** A {@code date} field as the start of that day in Berlin, {@code plusDays} later; null when empty. */
    private static Instant day(String field, String value, int plusDays) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ConsoleText.BERLIN).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "not a date (expected 2016-01-08)");
        }
    }

    private static String param(RoutingContext ctx, String name) {
        return AlertPages.blankToNull(ctx.request().getParam(name));
    }
}
