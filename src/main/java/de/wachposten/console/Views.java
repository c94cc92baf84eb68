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

    /** The inbox: a page of alerts, the filters and the links to the neighbouring pages. */
    public record Inbox(Page page, List<AlertRow> alerts, List<Option> channels, List<Option> reasons,
                        List<Option> statuses, List<Option> resolutions, int pageNo, String newer, String older,
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

    /** The alert detail page. */
    public record Detail(Page page, AlertRow alert, String url, String author, String client, String published,
                         List<Version> versions, String deleted, String evidence, List<Event> timeline,
                         List<Option> resolutions) {}

    /** One draft of the queue. */
    public record DraftRow(String id, String channel, String text, String window, String draftedBy, String status,
                           String statusLabel, String decidedBy, String reason, boolean mayDecide) {}

    /** The drafts page: the queue, the new-draft form (with what was typed when it was refused), a refusal. */
    public record Drafts(Page page, List<DraftRow> drafts, List<Option> channels, String text, String notBefore,
                         String notAfter, String refusal) {}

    /** A page with one message (an error, or "signed out"). */
    public record Message(Page page, int status, String text) {}

    /** The sign-in page: the form's CSRF token, and whether the last attempt failed. */
    public record Login(Page page, String loginCsrf, boolean failed) {}

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
