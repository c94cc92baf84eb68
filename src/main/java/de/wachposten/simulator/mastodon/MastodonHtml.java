package de.wachposten.simulator.mastodon;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders plain text as Mastodon renders a status: paragraphs in {@code <p>}, line breaks as {@code <br />}, URLs as
 * anchors whose scheme is an invisible span and whose long tails are cut into an ellipsis span and an invisible span,
 * hashtags and mentions as {@code mention} anchors. Text starting with {@code <} is taken as HTML unchanged.
 */
final class MastodonHtml {
    private static final Pattern TOKEN = Pattern.compile(
            "(https?://[^\\s<>\"]+)|(?<![\\w/#])#(\\p{L}[\\p{L}\\p{N}_]*)|(?<![\\w/@])@([A-Za-z0-9_]+)");
    private static final Pattern PREFIX = Pattern.compile("^(https?://(?:www\\.)?)");
    private static final Pattern TAG_IN_HTML = Pattern.compile("/tags/([\\p{L}\\p{N}_]+)\"");
    private static final int DISPLAY_LIMIT = 30;

    /** Rendered content and the hashtags it contains. */
    record Rendered(String html, List<String> tags) {}

    private MastodonHtml() {}

    static Rendered render(String textOrHtml, String baseUrl) {
        List<String> tags = new ArrayList<>();
        if (textOrHtml.strip().startsWith("<")) {
            Matcher m = TAG_IN_HTML.matcher(textOrHtml);
            while (m.find()) {
                tags.add(m.group(1));
            }
            return new Rendered(textOrHtml, tags);
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : textOrHtml.strip().split("\\n\\s*\\n")) {
            html.append("<p>");
            String[] lines = paragraph.split("\\n");
            for (int i = 0; i < lines.length; i++) {
                html.append(i > 0 ? "<br />" : "").append(line(lines[i], baseUrl, tags));
            }
            html.append("</p>");
        }
        return new Rendered(html.toString(), tags);
    }

    private static String line(String text, String baseUrl, List<String> tags) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            String url = m.group(1);
            int end = m.end();
            if (url != null) {
                String trimmed = url.replaceAll("[.,;:!?)]+$", "");
                end = m.start() + trimmed.length();
                out.append(escape(text.substring(last, m.start()))).append(link(trimmed));
            } else if (m.group(2) != null) {
                tags.add(m.group(2));
                out.append(escape(text.substring(last, m.start()))).append("<a href=\"").append(baseUrl)
                        .append("/tags/").append(m.group(2)).append("\" class=\"mention hashtag\" rel=\"tag\">#<span>")
                        .append(escape(m.group(2))).append("</span></a>");
            } else {
                out.append(escape(text.substring(last, m.start()))).append("<span class=\"h-card\" translate=\"no\">")
                        .append("<a href=\"").append(baseUrl).append("/@").append(m.group(3))
                        .append("\" class=\"u-url mention\">@<span>").append(m.group(3)).append("</span></a></span>");
            }
            last = end;
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String link(String url) {
        Matcher prefix = PREFIX.matcher(url);
        String invisible = prefix.find() ? prefix.group(1) : "";
        String display = url.substring(invisible.length());
        StringBuilder a = new StringBuilder("<a href=\"").append(escape(url))
                .append("\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">")
                .append("<span class=\"invisible\">").append(escape(invisible)).append("</span>");
        if (display.length() > DISPLAY_LIMIT) {
            a.append("<span class=\"ellipsis\">").append(escape(display.substring(0, DISPLAY_LIMIT)))
                    .append("</span><span class=\"invisible\">").append(escape(display.substring(DISPLAY_LIMIT)))
                    .append("</span>");
        } else {
            a.append("<span class=\"\">").append(escape(display)).append("</span><span class=\"invisible\"></span>");
        }
        return a.append("</a>").toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
