package de.wachposten.platform.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import de.wachposten.text.HtmlText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads every feed dialect ROME knows into {@link Feed}s: RSS 0.90, 0.91 (Netscape and Userland), 0.92, 0.93, 0.94,
 * 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, with Dublin Core, {@code content:encoded} and Media RSS.
 *
 * <p>Bytes: gzip is unpacked (a body starting with the gzip magic number, whatever the headers say); the charset is
 * the HTTP header's when it names one, else the BOM's or the XML declaration's, else UTF-8. The XML is parsed by
 * ROME's own SAX set-up (no external entities, no external DTD, every {@code SYSTEM}/{@code PUBLIC} lookup answered
 * empty) with a document type declaration allowed (RSS 0.91 feeds carry one); the JDK's entity expansion limit makes
 * an entity bomb fail at once with the parser's message.
 *
 * <p>Item key: the RSS {@code guid}, the Atom {@code id}, else the {@code link}, else the RSS 1.0 {@code rdf:about},
 * each only when no other item of the document has the same one; an item with none of them (or only shared ones) is
 * {@code sha256:} plus a hash of its link and title, so a title edit of such an item reads as a deletion and a new
 * item. Text: the title, then the body ({@code content:encoded} or {@code description} for RSS; {@code content} or
 * {@code summary} for Atom; {@code media:description} for MRSS), HTML stripped through {@link HtmlText}; a body that
 * starts with the title does not repeat it; Atom text constructs of type {@code text} are literal. Dates: RSS
 * {@code pubDate} or {@code dc:date}; Atom {@code published} ({@code issued} in 0.3) and {@code updated}
 * ({@code modified}), read by {@link FeedDates} and otherwise by ROME. Feed metadata ({@link Feed.About}): RSS
 * channel {@code description}, {@code image/url} and {@code link}; Atom {@code subtitle} ({@code tagline}),
 * {@code logo} (else {@code icon}) and the alternate {@code link}.
 */
public final class FeedReader {
    /** Largest document after unpacking gzip. */
    static final int MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document is XML but no feed; the message says what it is. */
    public static final class NotAFeedException extends Exception {
        NotAFeedException(String message) {
            super(message, null, false, false);
        }
    }

    /** The bytes are no well-formed XML (or too large unpacked); the message names line and column when known. */
    public static final class XmlException extends Exception {
        XmlException(String message) {
            super(message, null, false, false);
        }
    }

    /** ROME's own parser set-up, with document type declarations allowed. */
    private static final class Input extends WireFeedInput {
        Input() {
            setAllowDoctypes(true);
        }

        SAXBuilder builder() {
            return createSAXBuilder();
        }
    }

    private FeedReader() {}

    /** Parses {@code body}; {@code contentType} is the HTTP header (empty or null when none). */
    public static Feed read(byte[] body, String contentType) throws XmlException, NotAFeedException {
        Document doc = xml(unpack(body), contentType);
        Element root = doc.getRootElement();
        String kind = root.getName();
        if (kind.equals("rss") && root.getChild("channel") == null) {
            throw new NotAFeedException("<rss> without <channel>");
        }
        if (!kind.equals("rss") && !kind.equals("RDF") && !kind.equals("feed")) {
            throw new NotAFeedException("root element <" + root.getQualifiedName() + "> is neither <rss>, <rdf:RDF>"
                    + " nor an Atom <feed>");
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(doc);
        } catch (IllegalArgumentException | FeedException e) {
            throw new NotAFeedException("<" + root.getQualifiedName() + "> in no feed dialect: " + e.getMessage());
        }
        return map(feed, root);
    }

    private static Feed map(SyndFeed feed, Element root) {
        String type = feed.getFeedType();
        boolean atom = type.startsWith("atom");
        String format = atom ? "atom" : root.getName().equals("RDF") ? "rdf" : "rss";
        List<Element> elements = itemElements(root);
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = elements.size() == entries.size();
        Element rootAuthor = root.getChild("author", root.getNamespace());
        String feedAuthor = blankToNull(rootAuthor == null ? feed.getAuthor()
                : rootAuthor.getChildText("name", root.getNamespace()));
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            drafts.add(draft(entries.get(i), aligned ? elements.get(i) : null, atom, feedAuthor));
        }
        List<FeedItem> items = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Draft d : drafts) {
            d.keys().forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        for (Draft d : drafts) {
            String id = d.keys().stream().filter(k -> counts.get(k) == 1).findFirst()
                    .orElse("sha256:" + hash(d.link() + "\n" + d.title()));
            items.add(d.item().apply(id));
        }
        String image = feed.getImage() != null && !blank(feed.getImage().getUrl()) ? feed.getImage().getUrl()
                : feed.getIcon() != null ? feed.getIcon().getUrl() : "";
        String title = atom ? text(feed.getTitleEx(), true) : nonNull(feed.getTitle()).strip();
        String description = atom ? text(feed.getDescriptionEx(), true) : nonNull(feed.getDescription()).strip();
        return new Feed(format, title, generator(root), items, new Feed.About(description, image,
                atom ? alternateLink(root) : nonNull(feed.getLink())));
    }

    private record Draft(List<String> keys, String link, String title, java.util.function.Function<String, FeedItem> item) {}

    private static Draft draft(SyndEntry e, Element element, boolean atom, String feedAuthor) {
        String title = atom ? text(e.getTitleEx(), true) : HtmlText.toPlainText(e.getTitle());
        String body = "";
        for (SyndContent c : e.getContents()) {
            body = firstNonBlank(body, html(c, atom));
        }
        body = firstNonBlank(body, html(e.getDescription(), atom), mediaDescription(element));
        String link = nonNull(e.getLink()).strip();
        List<String> keys = new ArrayList<>();
        keys.add(childText(element, "guid", "id"));
        keys.add(link);
        keys.add(element == null ? "" : nonNull(element.getAttributeValue("about", org.jdom2.Namespace.getNamespace(RDF))));
        keys.removeIf(FeedReader::blank);
        keys.replaceAll(String::strip);
        List<String> distinctKeys = keys.stream().distinct().toList();
        String author = firstNonBlank(nonNull(e.getAuthor()), atom ? nonNull(feedAuthor) : "").strip();
        Instant published = date(childText(element, "pubDate", "published", "issued", "date"), e.getPublishedDate());
        Instant updated = atom ? date(childText(element, "updated", "modified"), e.getUpdatedDate()) : null;
        String text = join(title, HtmlText.toPlainText(body));
        List<String> links = HtmlText.links(body);
        String raw = raw(element, e);
        return new Draft(distinctKeys, link, title, id -> new FeedItem(id, link.isEmpty() ? null : link,
                author.isEmpty() ? null : author, text, links, published, updated, raw,
                element == null ? List.of() : FeedMedia.of(element)));
    }

    /** The item or entry elements in document order: children of the root and of its {@code channel}. */
    private static List<Element> itemElements(Element root) {
        List<Element> out = new ArrayList<>();
        List<Element> scopes = new ArrayList<>(List.of(root));
        root.getChildren().stream().filter(c -> c.getName().equals("channel")).forEach(scopes::add);
        for (Element scope : scopes) {
            for (Element c : scope.getChildren()) {
                if (c.getName().equals("item") || c.getName().equals("entry")) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** A text construct as plain text: Atom {@code text} (or no type) is literal, anything else markup. */
    private static String text(SyndContent c, boolean atom) {
        return HtmlText.toPlainText(html(c, atom));
    }

    /** A text construct as HTML: literal Atom text escaped, RSS always HTML. */
    private static String html(SyndContent c, boolean atom) {
        if (c == null || c.getValue() == null) {
            return "";
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        boolean literal = atom && (type.isEmpty() || type.equals("text") || type.equals("text/plain"));
        return literal ? c.getValue().replace("&", "&amp;").replace("<", "&lt;") : c.getValue();
    }

    private static String mediaDescription(Element item) {
        if (item == null) {
            return "";
        }
        org.jdom2.Namespace media = org.jdom2.Namespace.getNamespace(MEDIA);
        Element group = item.getChild("group", media);
        return firstNonBlank(group == null ? "" : group.getChildText("description", media),
                item.getChildText("description", media));
    }

    /** The text of the first child named one of {@code names} in the item's, DC's or no namespace. */
    static String childText(Element item, String... names) {
        if (item == null) {
            return "";
        }
        for (String name : names) {
            for (Element c : item.getChildren()) {
                String ns = c.getNamespaceURI();
                if (c.getName().equals(name) && (ns.equals(item.getNamespaceURI()) || ns.isEmpty() || ns.equals(DC))
                        && !c.getTextTrim().isEmpty()) {
                    return c.getTextTrim();
                }
            }
        }
        return "";
    }

    private static Instant date(String text, Date parsedByRome) {
        Instant ours = FeedDates.parse(text);
        return ours != null || text.isEmpty() || parsedByRome == null ? ours : parsedByRome.toInstant();
    }

    /** The alternate (or first untyped) link of an Atom feed. */
    private static String alternateLink(Element feed) {
        for (Element l : feed.getChildren("link", feed.getNamespace())) {
            String rel = nonNull(l.getAttributeValue("rel"));
            if ((rel.isEmpty() || rel.equals("alternate")) && !blank(l.getAttributeValue("href"))) {
                return l.getAttributeValue("href").strip();
            }
        }
        return "";
    }

    private static String generator(Element root) {
        Element scope = root.getChild("channel", root.getNamespace()) != null
                ? root.getChild("channel", root.getNamespace()) : root;
        for (Element c : scope.getChildren()) {
            if (c.getName().equals("generator")) {
                String version = nonNull(c.getAttributeValue("version")).strip();
                String gen = (c.getTextTrim() + " " + version).strip();
                return gen.isEmpty() ? null : gen;
            }
        }
        return null;
    }

    static String join(String title, String body) {
        String t = title.strip();
        String b = body.strip();
        if (t.isEmpty() || b.startsWith(t)) {
            return b;
        }
        return b.isEmpty() ? t : t + "\n\n" + b;
    }

    private static String raw(Element element, SyndEntry e) {
        ObjectNode node = JSON.createObjectNode();
        if (element != null) {
            node.put("xml", new XMLOutputter(Format.getRawFormat()).outputString(element));
        } else {
            node.put("title", nonNull(e.getTitle())).put("link", nonNull(e.getLink()));
        }
        return node.toString();
    }

    private static Document xml(byte[] bytes, String contentType) throws XmlException {
        try (Reader reader = charset(contentType) == null ? new XmlReader(new ByteArrayInputStream(bytes), true)
                : new XmlReader(new ByteArrayInputStream(bytes), contentType, true)) {
            return new Input().builder().build(reader);
        } catch (JDOMParseException e) {
            throw new XmlException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (JDOMException | IOException e) {
            throw new XmlException("unknown position: " + e.getMessage());
        }
    }

    /** The {@code charset} parameter of a Content-Type, or null. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=") && p.length() > 8) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static byte[] unpack(byte[] body) throws XmlException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_UNPACKED_BYTES) {
                    throw new XmlException("gzip body larger than " + MAX_UNPACKED_BYTES + " bytes unpacked");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new XmlException("unknown position: broken gzip body: " + e.getMessage());
        }
    }

    static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
