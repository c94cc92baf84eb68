package de.wachposten.platform.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text and link targets of the HTML fragments feeds and platforms put into descriptions: tags removed
 * ({@code script} and {@code style} with their content), block elements and {@code <br>} become line breaks,
 * character references decoded, white space collapsed per line. Links are {@code href}s plus bare
 * {@code http(s)} URLs in the text.
 */
public final class HtmlText {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>|<!--.*?-->|<!\\[CDATA\\[|]]>",
            Pattern.DOTALL);
    private static final Pattern DROP = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()]+[^\\s<>\"'().,;:!?]");
    private static final Pattern REF = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("hellip", "…"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bdquo", "„"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("sbquo", "‚"),
            Map.entry("euro", "€"), Map.entry("shy", "\u00AD"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"),
            Map.entry("aacute", "á"), Map.entry("zwj", "\u200D"), Map.entry("zwnj", "\u200C"),
            Map.entry("lrm", "\u200E"), Map.entry("rlm", "\u200F"), Map.entry("middot", "·"), Map.entry("bull", "•"),
            Map.entry("deg", "°"), Map.entry("sect", "§"), Map.entry("para", "¶"), Map.entry("times", "×"));

    private HtmlText() {}

    /** The plain text of an HTML fragment; empty for null. */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = DROP.matcher(html).replaceAll(" ");
        Matcher m = TAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            out.append(decode(s.substring(last, m.start())));
            String name = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("br") || BLOCKS.contains(name)) {
                out.append('\n');
            }
            last = m.end();
        }
        out.append(decode(s.substring(last)));
        return tidy(out.toString());
    }

    /** {@code href} targets and bare URLs of an HTML fragment or plain text, in order, without duplicates. */
    public static List<String> links(String html) {
        Set<String> links = new LinkedHashSet<>();
        if (html == null) {
            return List.of();
        }
        Matcher a = HREF.matcher(html);
        while (a.find()) {
            String href = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
            String target = decode(href).strip();
            if (target.startsWith("http://") || target.startsWith("https://")) {
                links.add(target);
            }
        }
        Matcher u = URL.matcher(toPlainText(html));
        while (u.find()) {
            links.add(u.group());
        }
        return new ArrayList<>(links);
    }

    /** Decodes numeric and common named character references; unknown names stay as they are. */
    public static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String ref = m.group(1);
            String rep;
            if (ref.charAt(0) == '#') {
                boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
                int cp = Integer.parseInt(hex ? ref.substring(2) : ref.substring(1), hex ? 16 : 10);
                rep = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
            } else {
                rep = NAMED.getOrDefault(ref, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Collapses spaces within lines, keeps at most one blank line, trims. */
    private static String tidy(String s) {
        List<String> lines = new ArrayList<>();
        for (String line : s.replace('\u00A0', ' ').split("\n", -1)) {
            String l = line.replaceAll("[ \\t\\r\\f]+", " ").strip();
            if (!l.isEmpty() || (!lines.isEmpty() && !lines.getLast().isEmpty())) {
                lines.add(l);
            }
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }
}
