package de.wachposten.console;

import de.wachposten.approval.ApprovalMatcher;
import de.wachposten.approval.WordDiff;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Approval;
import de.wachposten.model.Post;
import de.wachposten.rules.ClassifierVerdict;
import de.wachposten.rules.RuleMatch;
import de.wachposten.rules.Ruleset;
import de.wachposten.store.Store;
import de.wachposten.timing.HoursDetector;
import de.wachposten.timing.StatusDetector;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /check}: the pre-flight check of a draft text for a channel, before anything is posted. It asks the daemon's
 * own pieces: the {@link ApprovalMatcher} against the channel's open approvals (the closest one with its word diff),
 * the live ruleset (which rules fire, the matched words marked), the ruleset's classifier under the channel's content
 * settings (probability, threshold, verdict, the words that drove it marked) and the timing detectors ({@link HoursDetector},
 * {@link StatusDetector}) for a post published now, or at the time given. Nothing is stored, no alert is raised.
 */
record CheckPages(Console console, Config config, Store store, Clock clock, Supplier<Ruleset> rules,
                  ApprovalMatcher matcher) {
    /** Longest text checked, in characters (as a draft may be). */
    static final int MAX_TEXT = 10_000;

    /** The timing detectors a draft is checked against (stateless apart from the holiday cache they share). */
    private static final List<Detector> TIMING = List.of(new HoursDetector(), new StatusDetector());

    void form(RoutingContext ctx, Console.Visit v) {
        render(ctx, v, 200, emptyCheck(v, null, "", "", null));
    }

    void check(RoutingContext ctx, Console.Visit v) {
        ConsoleText t = v.t();
        String channelId = AlertPages.blankToNull(ctx.request().getFormAttribute("channel"));
        String text = java.util.Objects.requireNonNullElse(ctx.request().getFormAttribute("text"), "");
        String atParam = java.util.Objects.requireNonNullElse(ctx.request().getFormAttribute("at"), "").strip();
        ChannelConfig ch = Pages.visibleChannel(config, v.user(), channelId);
        if (ch == null) {
            console.message(ctx, t, v, 404, t.t("error.not_found"));
            return;
        }
        Instant at;
        try {
            at = atParam.isEmpty() ? clock.instant() : LocalDateTime.parse(atParam).atZone(ch.policy().timezone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            render(ctx, v, 400, emptyCheck(v, channelId, text, atParam, t.t("check.bad_time")));
            return;
        }
        if (text.isBlank() || text.length() > MAX_TEXT) {
            render(ctx, v, 400, emptyCheck(v, channelId, text, atParam, t.t("check.bad_text")));
            return;
        }
        console.blocking(ctx, v, () -> store.openApprovals(ch.id()), open -> {
            Post post = new Post(ch.id(), ch.platform(), "preflight", null, ch.account(), text, at, null, null, null,
                    List.of(), at, "{}");
            ApprovalMatcher.Match m = matcher.match(text, List.of(), at, open, ch.policy().similarity());
            String approval = m.inWindow().isPresent() ? t.t("check.approved") + " " + m.inWindow().get().id()
                    : m.outsideWindow() ? t.t("check.outside_window") + " " + m.textOnly().get().id()
                    : t.t("check.unapproved");
            List<Views.RuleHit> hits = new ArrayList<>();
            Set<String> terms = new LinkedHashSet<>();
            for (RuleMatch r : rules.get().match(text)) {
                hits.add(new Views.RuleHit(Views.inert(r.rule().id()), Views.inert(r.rule().title()),
                        t.alerts().severity(r.rule().severity()), Views.inert(r.rule().category()),
                        r.terms().stream().map(Views::inert).toList()));
                terms.addAll(r.terms());
            }
            Views.ClassifierHit classifier = classifier(rules.get(), text, ch, t);
            Messages messages = Messages.of(t.lang());
            DetectionContext dc = new DetectionContext(ch, clock.instant(), List.of(), messages, null);
            Findings findings = new Findings();
            Event e = new Event.Published(post);
            TIMING.forEach(d -> d.detect(e, dc, findings));
            List<String> timingHits = findings.list().stream().map(f -> Views.explain(f, t)).toList();
            render(ctx, v, 200, new Views.Check(v.page("check.title", "check"), channels(v, ch.id()), text,
                    atParam, null, true, t.time(at), ch.policy().approvalRequired(), approval,
                    closest(m, text, List.of(), t), hits, Views.mark(text, terms), classifier, timingHits));
        });
    }

    private Views.Check emptyCheck(Console.Visit v, String channel, String text, String at, String error) {
        return new Views.Check(v.page("check.title", "check"), channels(v, channel), text, at, error, false, "",
                false, "", null, List.of(), List.of(), null, List.of());
    }

    /** The classifier's verdict under the channel's policy; null when the ruleset has no model. */
    static Views.ClassifierHit classifier(Ruleset rs, String text, ChannelConfig ch, ConsoleText t) {
        ClassifierVerdict v = ClassifierVerdict.of(rs, text, ch.policy().content());
        if (v == null) {
            return null;
        }
        String state = v.flags() ? "flags" : !v.on() ? "off" : v.distancing() ? "distancing" : "below";
        String policy = ch.policyName() == null ? t.t("check.inline_policy") : Views.inert(ch.policyName());
        return new Views.ClassifierHit(state, v.probabilityText(), v.thresholdText(), policy,
                v.words().stream().map(Views::inert).toList(), Views.mark(text, v.words()));
    }

    private List<Views.Option> channels(Console.Visit v, String selected) {
        return Pages.channelOptions(config, v.user(), selected, null);
    }

    private void render(RoutingContext ctx, Console.Visit v, int status, Views.Check view) {
        console.html(ctx, status, "check.jte", view);
    }

    /** The closest approval of a match, with the matcher's word diff; null when the channel has none open. */
    Views.Closest closest(ApprovalMatcher.Match m, String text, List<String> links, ConsoleText t) {
        if (m.nearest().isEmpty()) {
            return null;
        }
        Approval a = m.nearest().get();
        boolean matches = m.why().isEmpty();
        List<WordDiff.Piece> diff = matcher.pieces(a, text, links).stream()
                .map(p -> new WordDiff.Piece(Views.inert(p.words()), p.change())).toList();
        String window = (a.notBefore() == null ? "…" : t.time(a.notBefore())) + " – "
                + (a.notAfter() == null ? "…" : t.time(a.notAfter()));
        return new Views.Closest(Views.inert(a.id()), Views.inert(a.text()), Views.inert(a.approvedBy()), window,
                String.format(Locale.ROOT, "%.2f", m.similarity()), matches, Views.inert(m.why()), diff);
    }

}
