package de.wachposten.platform.feed;

import de.wachposten.model.Media;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

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
        for (Element e : FeedParser.children(item, null, "enclosure")) {
            add(out, seen, e.getAttribute("type"), e.getAttribute("url"), null);
        }
        for (Element l : FeedParser.children(item, FeedParser.ATOM, "link")) {
            if (l.getAttribute("rel").equals("enclosure")) {
                add(out, seen, l.getAttribute("type"), l.getAttribute("href"), blank(l.getAttribute("title")));
            }
        }
        List<Element> scopes = new ArrayList<>(List.of(item));
        scopes.addAll(FeedParser.children(item, FeedParser.MEDIA, "group"));
        for (Element scope : scopes) {
            String description = blank(FeedParser.text(FeedParser.child(scope, FeedParser.MEDIA, "description")));
            for (Element c : FeedParser.children(scope, FeedParser.MEDIA, "content")) {
                String kind = !c.getAttribute("medium").isBlank() ? c.getAttribute("medium") : c.getAttribute("type");
                add(out, seen, kind, c.getAttribute("url"), description);
            }
        }
        if (out.isEmpty()) {
            for (Element scope : scopes) {
                for (Element t : FeedParser.children(scope, FeedParser.MEDIA, "thumbnail")) {
                    add(out, seen, "image", t.getAttribute("url"), null);
                }
            }
        }
        return out;
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
