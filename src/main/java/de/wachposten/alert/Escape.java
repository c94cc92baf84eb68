package de.wachposten.alert;

/**
 * Escaping of untrusted text (post text, author, client) for each markup a sink renders, so a post containing
 * {@code <script>}, Markdown links or {@code @channel} shows as inert text. Mentions ({@code @channel}, {@code @here},
 * {@code @all}, {@code @room}) are broken with a zero-width space after the {@code @}, which looks the same to a reader
 * but no longer notifies anyone.
 */
public final class Escape {
    /** Zero-width space: invisible, but ends a mention token. */
    public static final char ZWSP = '\u200B';
    private static final String MARKDOWN_SPECIAL = "\\`*_{}[]()<>#+-.!|~";

    private Escape() {}

    /** HTML text and attribute escaping ({@code & < > " '}). */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Slack {@code mrkdwn}: the three control characters {@code & < >} (no link, no {@code <!channel>}). */
    public static String slack(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown (Mattermost, Teams): a backslash before every special character; mentions broken. */
    public static String markdown(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return mentions(sb.toString());
    }

    /** Breaks every {@code @word} so no chat system reads it as a mention. */
    public static String mentions(String s) {
        return s.replace("@", "@" + ZWSP);
    }
}
