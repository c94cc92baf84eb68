package de.wachposten.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text, links and character references of HTML fragments, parsed by jsoup as a browser would (HTML5 rules,
 * the full HTML5 entity table, stray {@code <} and {@code >} kept as text, comments, {@code script} and
 * {@code style} dropped).
 *
 * <p>Layout follows what the platform shows: {@code <p>} is a paragraph (a blank line before the next one),
 * {@code <br>} a line break, other block elements ({@code div}, {@code li}, headings, table rows…) start a new line.
 * All text nodes are kept, including hidden ones such as the {@code <span class="invisible">} parts Mastodon uses to
 * shorten displayed URLs, so a link's text is its complete URL. {@link Whitespace} says what happens to spaces.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "tr", "table", "section", "article", "header", "footer", "aside", "nav",
            "figure", "figcaption", "pre", "hr", "address", "main", "details", "summary");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()]+[^\\s<>\"'().,;:!?]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\f]+");
    /** CDATA markers left in HTML (feeds that wrap twice); HTML parsers would drop the section as a comment. */
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[|]]>");

    /** What happens to spaces and raw line breaks in text nodes. */
    public enum Whitespace {
        /**
         * As CSS {@code pre-line}: runs of spaces become one, no-break spaces plain spaces, raw line breaks stay (Flickr
         * and many CMS feeds show a description's line breaks), every line trimmed, at most one blank line; white
         * space between blocks is dropped (feeds, descriptions).
         */
        COLLAPSE,
        /** As CSS {@code pre-wrap} (Mastodon's status text): spaces kept as written, only outer line breaks trimmed. */
        PRESERVE
    }

    private HtmlText() {}

    /** The plain text of an HTML fragment with {@link Whitespace#COLLAPSE}; empty for null. */
    public static String toPlainText(String html) {
        return toPlainText(html, Whitespace.COLLAPSE);
    }

    /** The plain text of an HTML fragment; empty for null. */
    public static String toPlainText(String html, Whitespace whitespace) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Layout layout = new Layout(whitespace);
        NodeTraversor.traverse(layout, parse(html).body());
        return whitespace == Whitespace.COLLAPSE ? tidy(layout.out) : trimLineBreaks(layout.out);
    }

    /** One element with an {@code href}: its target (references decoded, trimmed) and its {@code class}. */
    public record Anchor(String tag, String href, String cssClass) {}

    /** The elements with an {@code href} attribute, in document order; empty for null. */
    public static List<Anchor> anchors(String html) {
        if (html == null || html.isEmpty()) {
            return List.of();
        }
        List<Anchor> out = new ArrayList<>();
        for (Element e : parse(html).select("[href]")) {
            out.add(new Anchor(e.normalName(), e.attr("href").strip(), e.attr("class").toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** {@code http(s)} targets of {@code href}s and bare URLs in the text, in order, without duplicates. */
    public static List<String> links(String html) {
        Set<String> links = new LinkedHashSet<>();
        for (Anchor a : anchors(html)) {
            if (a.href().startsWith("http://") || a.href().startsWith("https://")) {
                links.add(a.href());
            }
        }
        Matcher u = URL.matcher(toPlainText(html));
        while (u.find()) {
            links.add(u.group());
        }
        return new ArrayList<>(links);
    }

    /**
     * Decodes named (all of HTML5) and numeric character references in text; references that name nothing stay as
     * they are. Markup is not touched.
     */
    public static String decodeEntities(String s) {
        return s == null || s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
    }

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html.contains("<![CDATA[") ? CDATA.matcher(html).replaceAll("") : html);
    }

    /** Collects text and line structure while jsoup walks the tree. */
    private static final class Layout implements NodeVisitor {
        private final Whitespace whitespace;
        private final StringBuilder out = new StringBuilder();

        Layout(Whitespace whitespace) {
            this.whitespace = whitespace;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
            } else if (node instanceof Element e) {
                String name = e.normalName();
                if (name.equals("br")) {
                    out.append('\n');
                } else if (name.equals("p")) {
                    breakLines(2);
                } else if (BLOCKS.contains(name)) {
                    breakLines(1);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.normalName().equals("p")) {
                    breakLines(2);
                } else if (BLOCKS.contains(e.normalName())) {
                    breakLines(1);
                }
            }
        }

        private void text(String text) {
            out.append(whitespace == Whitespace.COLLAPSE && atLineStart() ? text.stripLeading() : text);
        }

        private boolean atLineStart() {
            for (int i = out.length() - 1; i >= 0; i--) {
                char c = out.charAt(i);
                if (c == '\n') {
                    return true;
                }
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Ends the output with at least {@code n} line breaks (none at the very start). */
        private void breakLines(int n) {
            if (out.isEmpty()) {
                return;
            }
            int trailing = 0;
            while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
                trailing++;
            }
            out.append("\n".repeat(Math.max(0, n - trailing)));
        }
    }

    /** Collapses spaces within lines, keeps at most one blank line, trims. */
    private static String tidy(CharSequence s) {
        List<String> lines = new ArrayList<>();
        for (String line : s.toString().replace('\u00A0', ' ').split("\n", -1)) {
            String l = SPACES.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty() || (!lines.isEmpty() && !lines.getLast().isEmpty())) {
                lines.add(l);
            }
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    private static String trimLineBreaks(CharSequence out) {
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) == '\n') {
            start++;
        }
        while (end > start && out.charAt(end - 1) == '\n') {
            end--;
        }
        return out.subSequence(start, end).toString();
    }
}
