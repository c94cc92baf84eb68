package de.wachposten.platform.rss;

import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.Feed;
import de.wachposten.text.HtmlText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feed's own metadata as a {@link Profile}: {@code display_name} (RSS channel {@code <title>}, Atom
 * {@code <title>}), {@code note} (RSS {@code <description>}, Atom {@code <subtitle>}), {@code avatar} (RSS
 * {@code <image><url>}, Atom {@code <logo>} or {@code <icon>}) and {@code links} (RSS channel {@code <link>}, Atom
 * alternate link). RSS titles and descriptions are read as HTML (markup dropped, character references resolved), so
 * a title escaped twice ({@code &amp;amp;}) reads as its publisher meant it; Atom text constructs are already text.
 * A missing field is an empty string.
 */
final class FeedProfile {
    private FeedProfile() {}

    /** The profile of {@code feed}; null (not seen) when the feed says nothing about itself. */
    static Profile of(Feed feed) {
        Feed.About about = feed.about();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean atom = feed.format().equals("atom");
        String title = feed.title() == null ? "" : feed.title();
        fields.put("display_name", (atom ? title : HtmlText.toPlainText(title)).strip());
        fields.put("note", (atom ? about.description() : HtmlText.toPlainText(about.description())).strip());
        fields.put("avatar", about.image());
        fields.put("links", about.link());
        return fields.values().stream().allMatch(String::isEmpty) ? null : new Profile(fields);
    }
}
