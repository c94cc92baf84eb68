package de.wachposten.simulator.rss;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Renders simulated feeds as RSS 2.0 or Atom 1.0, as real feeds write them: RSS {@code pubDate} in RFC 822 form, Atom
 * {@code published}/{@code updated} in RFC 3339.
 */
final class FeedXml {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FeedXml() {}

    static String rss(FeedState.Channel c, String base) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n");
        String link = c.link != null ? c.link : base + "/";
        x.append("<title>").append(esc(c.title)).append("</title><link>").append(esc(link)).append("</link>")
                .append("<description>").append(esc(c.description != null ? c.description : c.title))
                .append("</description>");
        if (c.image != null) {
            x.append("<image><url>").append(esc(c.image)).append("</url><title>").append(esc(c.title))
                    .append("</title><link>").append(esc(link)).append("</link></image>");
        }
        if (c.generator != null) {
            x.append("<generator>").append(esc(c.generator)).append("</generator>");
        }
        x.append("<lastBuildDate>").append(RFC_822.format(c.changedAt.atZone(BERLIN))).append("</lastBuildDate>\n");
        for (FeedState.Entry e : c.visible()) {
            x.append("<item>");
            if (!e.title.isEmpty()) {
                x.append("<title>").append(esc(e.title)).append("</title>");
            }
            x.append("<link>").append(base).append("/news/").append(e.seq).append("</link>")
                    .append("<guid isPermaLink=\"false\">").append(esc(e.id)).append("</guid>")
                    .append("<pubDate>").append(RFC_822.format(e.published.atZone(BERLIN))).append("</pubDate>")
                    .append("<description>").append(esc(e.body)).append("</description></item>\n");
        }
        return x.append("</channel></rss>\n").toString();
    }

    static String atom(FeedState.Channel c, String base) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n");
        x.append("<title type=\"text\">").append(esc(c.title)).append("</title><id>").append(base).append("/feeds/")
                .append(esc(c.name)).append("</id><updated>").append(date(c.changedAt)).append("</updated>")
                .append("<author><name>").append(esc(c.title)).append("</name></author>")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(esc(c.link != null ? c.link : base + "/")).append("\"/>");
        if (c.description != null) {
            x.append("<subtitle type=\"text\">").append(esc(c.description)).append("</subtitle>");
        }
        if (c.image != null) {
            x.append("<logo>").append(esc(c.image)).append("</logo>");
        }
        if (c.generator != null) {
            x.append("<generator uri=\"https://cms.example\">").append(esc(c.generator)).append("</generator>");
        }
        x.append('\n');
        for (FeedState.Entry e : c.visible()) {
            x.append("<entry><id>").append(esc(e.id)).append("</id><title type=\"text\">").append(esc(e.title))
                    .append("</title><link rel=\"alternate\" href=\"").append(base).append("/news/").append(e.seq)
                    .append("\"/><published>").append(date(e.published)).append("</published><updated>")
                    .append(date(e.updated)).append("</updated><content type=\"html\">").append(esc(e.body))
                    .append("</content></entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    static String date(Instant t) {
        return RFC_3339.format(t.atZone(BERLIN).toOffsetDateTime());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
