package de.wachposten.platform.feed;

import de.wachposten.text.HtmlText;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 documents into {@link Feed}s.
 *
 * <p>Item key: RSS {@code guid}, else {@code link}, else a hash of title and date; Atom {@code id}, else the
 * alternate link. Text: the title, then the body ({@code content:encoded} or {@code description} for RSS;
 * {@code content} or {@code summary} for Atom; {@code media:description} for MRSS), HTML stripped; a body that
 * starts with the title does not repeat it. Dates: {@code pubDate}/{@code dc:date} (RSS), {@code published} and
 * {@code updated} (Atom). Feed metadata ({@link Feed.About}): RSS channel {@code description}, {@code image/url} and
 * {@code link}; Atom {@code subtitle}, {@code logo} (else {@code icon}) and the alternate {@code link}.
 */
public final class FeedParser {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document is XML but no feed; the message says what it is. */
    public static final class NotAFeedException extends Exception {
        NotAFeedException(String message) {
            super(message, null, false, false);
        }
    }

    private FeedParser() {}

    /** Parses a feed document. */
    public static Feed parse(Document doc) throws NotAFeedException {
        Element root = doc.getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        if (name.equals("feed") && ATOM.equals(root.getNamespaceURI())) {
            return atom(root);
        }
        if (name.equals("rss")) {
            Element channel = child(root, null, "channel");
            if (channel == null) {
                throw new NotAFeedException("<rss> without <channel>");
            }
            return rss("rss", channel, children(channel, null, "item"), channel);
        }
        if (name.equals("RDF")) {
            Element channel = anyChild(root, "channel");
            return rss("rdf", channel == null ? root : channel, anyChildren(root, "item"), root);
        }
        throw new NotAFeedException("root element <" + root.getNodeName() + "> is neither <rss>, <rdf:RDF> nor an"
                + " Atom <feed>");
    }

    private static Feed rss(String format, Element channel, List<Element> items, Element imageParent) {
        List<FeedItem> out = new ArrayList<>();
        for (Element item : items) {
            String title = HtmlText.toPlainText(text(anyChild(item, "title")));
            String body = firstNonBlank(text(child(item, CONTENT, "encoded")), text(anyChild(item, "description")),
                    text(child(item, MEDIA, "description")));
            String link = text(anyChild(item, "link")).strip();
            String dateText = firstNonBlank(text(anyChild(item, "pubDate")), text(child(item, DC, "date")));
            Instant published = FeedDates.parse(dateText);
            String guid = text(anyChild(item, "guid")).strip();
            String id = !guid.isEmpty() ? guid : !link.isEmpty() ? link : "sha256:" + hash(title + "\n" + dateText);
            String author = firstNonBlank(text(anyChild(item, "author")), text(child(item, DC, "creator"))).strip();
            out.add(new FeedItem(id, link.isEmpty() ? null : link, author.isEmpty() ? null : author,
                    join(title, HtmlText.toPlainText(body)), HtmlText.links(body), published, null, raw(item),
                    FeedMedia.of(item)));
        }
        Element image = anyChild(channel, "image");
        if (image == null || anyChild(image, "url") == null) {
            image = anyChild(imageParent, "image");
        }
        return new Feed(format, text(anyChild(channel, "title")).strip(),
                blankToNull(text(anyChild(channel, "generator"))), out, new Feed.About(
                        text(anyChild(channel, "description")).strip(), text(anyChild(image, "url")),
                        text(anyChild(channel, "link"))));
    }

    private static Feed atom(Element feed) {
        List<FeedItem> out = new ArrayList<>();
        String feedAuthor = text(child(child(feed, ATOM, "author"), ATOM, "name")).strip();
        for (Element entry : children(feed, ATOM, "entry")) {
            String title = atomText(child(entry, ATOM, "title"));
            Element group = child(entry, MEDIA, "group");
            String body = firstNonBlank(rawAtomText(child(entry, ATOM, "content")),
                    rawAtomText(child(entry, ATOM, "summary")), text(child(group, MEDIA, "description")),
                    text(child(entry, MEDIA, "description")));
            String link = alternateLink(entry);
            String id = text(child(entry, ATOM, "id")).strip();
            String author = text(child(child(entry, ATOM, "author"), ATOM, "name")).strip();
            out.add(new FeedItem(id.isEmpty() ? (link == null ? "sha256:" + hash(title) : link) : id, link,
                    author.isEmpty() ? blankToNull(feedAuthor) : author,
                    join(title, HtmlText.toPlainText(body)), HtmlText.links(body),
                    FeedDates.parse(text(child(entry, ATOM, "published"))),
                    FeedDates.parse(text(child(entry, ATOM, "updated"))), raw(entry), FeedMedia.of(entry)));
        }
        Element generator = child(feed, ATOM, "generator");
        String gen = text(generator).strip();
        if (generator != null && !generator.getAttribute("version").isBlank()) {
            gen = gen + " " + generator.getAttribute("version").strip();
        }
        return new Feed("atom", atomText(child(feed, ATOM, "title")), blankToNull(gen), out, new Feed.About(
                atomText(child(feed, ATOM, "subtitle")), firstNonBlank(text(child(feed, ATOM, "logo")),
                text(child(feed, ATOM, "icon"))), alternateLink(feed)));
    }

    /** The alternate (or first untyped) link of an Atom entry or feed. */
    private static String alternateLink(Element entry) {
        for (Element l : children(entry, ATOM, "link")) {
            String rel = l.getAttribute("rel");
            if ((rel.isEmpty() || rel.equals("alternate")) && !l.getAttribute("href").isBlank()) {
                return l.getAttribute("href").strip();
            }
        }
        return null;
    }

    /** Atom text constructs: {@code type="html"}/{@code xhtml} are markup, {@code text} is literal. */
    private static String atomText(Element e) {
        return HtmlText.toPlainText(rawAtomText(e));
    }

    private static String rawAtomText(Element e) {
        if (e == null) {
            return "";
        }
        String type = e.getAttribute("type");
        if (type.equals("xhtml")) {
            return SafeXml.serialize(e);
        }
        String text = e.getTextContent();
        return type.isEmpty() || type.equals("text") ? text.replace("&", "&amp;").replace("<", "&lt;") : text;
    }

    static String join(String title, String body) {
        String t = title.strip();
        String b = body.strip();
        if (t.isEmpty() || b.startsWith(t)) {
            return b;
        }
        return b.isEmpty() ? t : t + "\n\n" + b;
    }

    private static String raw(Element item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("xml", SafeXml.serialize(item));
        return node.toString();
    }

    static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- DOM helpers: RSS elements have no namespace (RSS 1.0 has its own), so "any" ignores the namespace -------

    static String text(Node e) {
        return e == null ? "" : e.getTextContent();
    }

    static Element child(Element parent, String ns, String local) {
        List<Element> all = children(parent, ns, local);
        return all.isEmpty() ? null : all.getFirst();
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && local.equals(localName(e))
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element anyChild(Element parent, String local) {
        List<Element> all = anyChildren(parent, local);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<Element> anyChildren(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        Set<String> skip = Set.of(CONTENT, DC, MEDIA, ATOM);
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && local.equals(localName(e))
                    && (e.getNamespaceURI() == null || !skip.contains(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String localName(Element e) {
        return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Distinct, order kept. */
    static List<String> distinct(List<String> in) {
        return new ArrayList<>(new LinkedHashSet<>(in));
    }
}
