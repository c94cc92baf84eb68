package de.wachposten.console;

import de.wachposten.approval.WordDiff;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import java.util.List;

/**
 * The view models the templates render: plain values, already in the page's language. Every text that comes from a
 * post or a person passes {@link #inert}, and the templates escape every value (jte, content type HTML).
 */
public final class Views {
    private Views() {}

    /** The frame of every page: language, title, who is signed in, the session's CSRF token, the active section. */
    public record Page(ConsoleText t, String title, String user, String csrf, String active, String flash) {
        /** True when {@code section} is the page's section (for {@code aria-current}). */
        public boolean at(String section) {
            return section.equals(active);
        }
    }

    /** One choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    /** One alert as a row of the inbox (and the head of the detail page). */
    public record AlertRow(String id, String href, String severity, String severityLabel, String channel,
                           String time, List<String> reasons, String text, String status, String statusLabel,
                           boolean open, boolean mayAck) {}

    /** The inbox: a page of alerts, the filters and the links to the neighbouring pages (null when there are none). */
    public record Inbox(Page page, List<AlertRow> alerts, List<Option> channels, List<Option> reasons,
                        List<Option> statuses, List<Option> resolutions, String newer, String older,
                        boolean live) {}

    /** One archived version of a post, with the word diff from the version before (empty for the first). */
    public record Version(int number, String seen, String edited, String text, boolean deleted,
                          List<WordDiff.Piece> diff) {
        public boolean removed(WordDiff.Piece p) {
            return p.change() == WordDiff.Piece.Change.REMOVED;
        }

        public boolean added(WordDiff.Piece p) {
            return p.change() == WordDiff.Piece.Change.ADDED;
        }
    }

    /** One line of an alert's timeline. */
    public record Event(String time, String what) {}

    /** The alert detail page; {@code closest} is the nearest open approval of an unapproved alert, or null. */
    public record Detail(Page page, AlertRow alert, String url, String author, String client, String published,
                         List<Version> versions, String deleted, String evidence, List<Event> timeline,
                         List<Option> resolutions, Closest closest) {}

    /**
     * The approval closest to a text, from {@link de.wachposten.approval.ApprovalMatcher}: its id, text, who gave it,
     * the similarity, whether it matches, why not, and the matcher's word diff (approved → posted).
     */
    public record Closest(String id, String text, String approvedBy, String window, String similarity,
                          boolean matches, String why, List<WordDiff.Piece> diff) {
        public boolean removed(WordDiff.Piece p) {
            return p.change() == WordDiff.Piece.Change.REMOVED;
        }

        public boolean added(WordDiff.Piece p) {
            return p.change() == WordDiff.Piece.Change.ADDED;
        }
    }

    /** A piece of a text, marked when a query or rule matched it. */
    public record Segment(String text, boolean marked) {}

    /** One credential rotation task still open. */
    public record Task(String user, String openedAt, boolean overdue) {}

    /** One channel of the board. */
    public record ChannelRow(String id, String name, String platform, String account, String office, String state,
                             String lastSuccess, String lastPoll, String error, String backoff, List<String> access,
                             String rotatedAt, List<Task> tasks, boolean problem, String instance) {}

    /** The channel board: problems first. */
    public record Channels(Page page, List<ChannelRow> channels) {}

    /** One search result. */
    public record Hit(String channel, String published, String href, int version, boolean deleted,
                      List<Segment> text) {}

    /** The archive search: the form as filled in, an error (bad query), the results. */
    public record Search(Page page, String q, List<Option> channels, String from, String to, List<Option> reasons,
                         String error, boolean searched, List<Hit> hits) {}

    /** One line of an incident timeline. */
    public record TimelineRow(String time, String kind, String post, String text) {}

    /** One incident of a report: heading, narrative and facts. */
    public record IncidentView(String heading, String narrative, List<String> lines) {}

    /** The incident review: the form, an error, the report on screen and its downloads. */
    public record Report(Page page, List<Option> channels, String from, String to, String error, String title,
                         String policy, String span, String counts, List<IncidentView> incidents,
                         List<TimelineRow> timeline, List<Option> downloads) {}

    /** A rule that fires on a checked text. */
    public record RuleHit(String id, String title, String severity, String category, List<String> terms) {}

    /**
     * The classifier's verdict on a checked text.
     *
     * @param state       {@code flags} (raises flagged_content), {@code below} (under the threshold), {@code off}
     *                    (off for the policy) or {@code distancing} (the text reports, quotes or condemns)
     * @param probability the probability, two decimals
     * @param threshold   the threshold of the channel's policy, two decimals
     * @param policy      the policy's name, or the words for an inline policy
     * @param words       the words that drove the score, strongest first
     * @param marked      the text with those words marked
     */
    public record ClassifierHit(String state, String probability, String threshold, String policy, List<String> words,
                                List<Segment> marked) {}

    /**
     * The pre-flight check: the form as filled in and, once checked, what would happen ({@code classifier} null when
     * the rules directory has no model).
     */
    public record Check(Page page, List<Option> channels, String text, String at, String error, boolean checked,
                        String when, boolean approvalRequired, String approval, Closest closest, List<RuleHit> rules,
                        List<Segment> marked, ClassifierHit classifier, List<String> timing) {}

    /** One draft of the queue. */
    public record DraftRow(String id, String channel, String text, String window, String draftedBy, String status,
                           String statusLabel, String decidedBy, String reason, boolean mayDecide) {}

    /**
     * The drafts page: the queue, the new-draft form (with what was typed when it was refused), a refusal, the plan
     * upload (with the pasted plan and every error as {@code line: message} when it was refused).
     */
    public record Drafts(Page page, List<DraftRow> drafts, List<Option> channels, String text, String notBefore,
                         String notAfter, String refusal, boolean mayImport, String plan, List<String> planErrors) {}

    /** A page with one message (an error, or "signed out"). */
    public record Message(Page page, int status, String text) {}

    /**
     * The sign-in page: the form's CSRF token, why the last attempt was refused (null when there was none), and the
     * single sign-on link's text (null when single sign-on is not configured or not available).
     */
    public record Login(Page page, String loginCsrf, String error, String sso) {}

    /**
     * {@code s} with every bidirectional control character (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069)
     * replaced by a visible {@code [U+202E]}: an override can neither reorder the page around it nor hide what a
     * post says. Null becomes empty.
     */
    public static String inert(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bidi = c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (bidi && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (bidi) {
                    sb.append(String.format("[U+%04X]", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * {@code text} cut into segments, those marked that equal one of {@code terms} (case-insensitive, longest first).
     * Marking works on the plain text; the template escapes every segment, so nothing in the text can become markup.
     */
    public static List<Segment> mark(String text, java.util.Collection<String> terms) {
        String s = inert(text);
        List<String> words = terms.stream().filter(w -> w != null && !w.isBlank() && !w.contains(":"))
                .distinct().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        if (words.isEmpty() || s.isEmpty()) {
            return List.of(new Segment(s, false));
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(String.join("|", words.stream()
                .map(java.util.regex.Pattern::quote).toList()), java.util.regex.Pattern.CASE_INSENSITIVE
                | java.util.regex.Pattern.UNICODE_CASE);
        List<Segment> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = p.matcher(s);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(s.substring(at, m.start()), false));
            }
            out.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < s.length()) {
            out.add(new Segment(s.substring(at), false));
        }
        return out;
    }

    /** The row of {@code a} in {@code t}'s language; {@code mayAck} when the viewer may acknowledge it. */
    static AlertRow row(Alert a, ConsoleText t, boolean mayAck) {
        List<String> reasons = a.reasons().stream().map(f -> explain(f, t)).toList();
        return new AlertRow(a.id(), "/alerts/" + a.id(), a.severity().wire(), t.alerts().severity(a.severity()),
                a.channelId(), t.time(a.post().publishedAt()), reasons, inert(a.post().text()), a.status().wire(),
                t.t("status." + a.status().wire()), a.status() == AlertStatus.OPEN, mayAck && a.status()
                        == AlertStatus.OPEN);
    }

    /** A reason in words: its phrase, then what the detector said (rule, matched words). */
    static String explain(Finding f, ConsoleText t) {
        StringBuilder sb = new StringBuilder(t.alerts().reason(f.code()));
        if (!f.detail().isEmpty()) {
            sb.append(": ").append(f.detail());
        }
        if (f.rule() != null) {
            sb.append(" [").append(f.rule()).append(']');
        }
        if (!f.matches().isEmpty()) {
            sb.append(" – „").append(String.join("“, „", f.matches())).append('“');
        }
        return inert(sb.toString());
    }
}
