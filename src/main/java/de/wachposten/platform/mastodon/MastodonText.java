package de.wachposten.platform.mastodon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML that Mastodon puts into {@code content} into plain text and link targets.
 *
 * <p>Paragraphs become blank-line separated, {@code <br>} a line break. All text nodes are kept, including the
 * {@code <span class="invisible">} parts Mastodon uses to shorten displayed URLs, so a link's text comes out as the
 * complete URL. Character references (named and numeric) are decoded. Links are the {@code href}s of {@code <a>}
 * elements that are neither mentions nor hashtags.
 */
public final class MastodonText {
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    private static final Pattern REFERENCE =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("hellip", "…"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bdquo", "„"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("euro", "€"),
            Map.entry("shy", "\u00AD"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("zwj", "\u200D"),
            Map.entry("lrm", "\u200E"), Map.entry("rlm", "\u200F"));

    private MastodonText() {}

    /** The plain text of a Mastodon HTML fragment; empty for null. */
    public static String toPlainText(String html) {
        StringBuilder out = new StringBuilder();
        scan(html, out, null);
        return trimLineBreaks(out);
    }

    /** The link targets of a Mastodon HTML fragment in document order, without mentions and hashtags. */
    public static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        scan(html, new StringBuilder(), links);
        return links.stream().distinct().toList();
    }

    /** Decodes numeric and common named character references; unknown names stay as they are. */
    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resolve(String ref, String literal) {
        if (ref.charAt(0) != '#') {
            return NAMED.getOrDefault(ref, literal);
        }
        boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
        int cp = hex ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
    }

    private static void scan(String html, StringBuilder out, List<String> links) {
        if (html == null) {
            return;
        }
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                out.append(decodeEntities(html.substring(i)));
                return;
            }
            out.append(decodeEntities(html.substring(i, lt)));
            int end = markupEnd(html, lt);
            if (end < 0) {
                out.append('<');
                i = lt + 1;
                continue;
            }
            String inner = html.substring(lt + 1, end);
            if (!inner.startsWith("!")) {
                applyTag(inner, out, links);
            }
            i = end + 1;
        }
    }

    /** Index of the '>' closing the markup at {@code lt}, or -1 when {@code lt} does not start markup. */
    private static int markupEnd(String html, int lt) {
        if (html.startsWith("<!--", lt)) {
            int close = html.indexOf("-->", lt + 4);
            return close < 0 ? html.length() - 1 : close + 2;
        }
        if (lt + 1 >= html.length()) {
            return -1;
        }
        char first = html.charAt(lt + 1);
        if (!Character.isLetter(first) && first != '/' && first != '!') {
            return -1;
        }
        char quote = 0;
        for (int j = lt + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return -1;
    }

    private static void applyTag(String inner, StringBuilder out, List<String> links) {
        boolean closing = inner.startsWith("/");
        String body = closing ? inner.substring(1) : inner;
        int nameEnd = 0;
        while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd)) && body.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String name = body.substring(0, nameEnd).toLowerCase(Locale.ROOT);
        switch (name) {
            case "br" -> out.append('\n');
            case "p" -> paragraphBreak(out);
            case "a" -> {
                if (!closing && links != null) {
                    addLink(attributes(body.substring(nameEnd)), links);
                }
            }
            default -> { }
        }
    }

    private static void paragraphBreak(StringBuilder out) {
        if (out.isEmpty()) {
            return;
        }
        int trailing = 0;
        while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        out.append("\n".repeat(Math.max(0, 2 - trailing)));
    }

    private static void addLink(Map<String, String> attributes, List<String> links) {
        String href = attributes.get("href");
        String cssClass = attributes.getOrDefault("class", "").toLowerCase(Locale.ROOT);
        if (href != null && !href.isBlank() && !cssClass.contains("mention") && !cssClass.contains("hashtag")) {
            links.add(href.strip());
        }
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(s);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : decodeEntities(value));
        }
        return attributes;
    }

    private static String trimLineBreaks(StringBuilder out) {
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) == '\n') {
            start++;
        }
        while (end > start && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.substring(start, end);
    }
}
