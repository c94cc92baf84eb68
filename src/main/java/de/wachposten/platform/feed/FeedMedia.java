package de.wachposten.platform.feed;

import de.wachposten.model.Media;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The media of a feed item: RSS {@code <enclosure>}, Atom {@code <link rel="enclosure">} and Media RSS
 * {@code <media:content>} (also inside {@code <media:group>}); {@code <media:thumbnail>} only when nothing else names
 * a file (YouTube's feed gives the video's thumbnail so). Each URL once, in document order.
 */
final class FeedMedia {
    private FeedMedia() {}

    /** The media of {@code item}, an RSS {@code <item>} or Atom {@code <entry>}. */
    static List<Media> of(Element item) {
        List<Media> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Namespace media = Namespace.getNamespace(FeedReader.MEDIA);
        for (Element e : item.getChildren("enclosure")) {
            add(out, seen, attr(e, "type"), attr(e, "url"), null);
        }
        for (Element l : item.getChildren()) {
            boolean atom = l.getNamespaceURI().equals(FeedReader.ATOM) || l.getNamespaceURI().equals(FeedReader.ATOM_03);
            if (atom && l.getName().equals("link") && attr(l, "rel").equals("enclosure")) {
                add(out, seen, attr(l, "type"), attr(l, "href"), blank(attr(l, "title")));
            }
        }
        List<Element> scopes = new ArrayList<>(List.of(item));
        scopes.addAll(item.getChildren("group", media));
        for (Element scope : scopes) {
            String description = blank(scope.getChildText("description", media));
            for (Element c : scope.getChildren("content", media)) {
                String kind = !attr(c, "medium").isBlank() ? attr(c, "medium") : attr(c, "type");
                add(out, seen, kind, attr(c, "url"), description);
            }
        }
        if (out.isEmpty()) {
            for (Element scope : scopes) {
                for (Element t : scope.getChildren("thumbnail", media)) {
                    add(out, seen, "image", attr(t, "url"), null);
                }
            }
        }
        return out;
    }

    private static String attr(Element e, String name) {
        String v = e.getAttributeValue(name);
        return v == null ? "" : v;
    }

    private static void add(List<Media> out, Set<String> seen, String type, String url, String description) {
        if (url == null || url.isBlank() || !seen.add(url.strip())) {
            return;
        }
        String t = type == null ? "" : type;
        // Media RSS mediums are words (image, video, audio); YouTube's media:content is a Flash player URL
        String kind = t.equals("application/x-shockwave-flash") ? "video" : Media.typeOf(t);
        out.add(new Media(kind, url.strip(), description));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
