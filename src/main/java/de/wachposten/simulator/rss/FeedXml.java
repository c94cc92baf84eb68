package de.wachposten.simulator.rss;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Renders simulated feeds as real feeds write them: RSS 2.0 ({@code pubDate} in RFC 822 form) and Atom 1.0
 * ({@code published}/{@code updated} in RFC 3339), and the older dialects as their specifications define them: RSS 0.90
 * (RDF, items with title and link only), RSS 0.91 (Netscape, with its document type declaration; no guid, no item
 * date), RSS 0.92 (no guid, no item date), RSS 1.0 (RDF with Dublin Core dates) and Atom 0.3
 * ({@code issued}/{@code modified}, escaped HTML content).
 */
final class FeedXml {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
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

    static String rss090(FeedState.Channel c, String base) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"" + RDF
                + "\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\">\n");
        x.append(channel(c, base, "")).append('\n');
        for (FeedState.Entry e : c.visible()) {
            x.append("<item><title>").append(esc(e.title.isEmpty() ? e.body : e.title)).append("</title><link>")
                    .append(base).append("/news/").append(e.seq).append("</link></item>\n");
        }
        return x.append("</rdf:RDF>\n").toString();
    }

    static String rss09x(FeedState.Channel c, String base, String version) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (version.equals("0.91")) {
            x.append("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"")
                    .append(" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n");
        }
        x.append("<rss version=\"").append(version).append("\">").append(channel(c, base, "<language>de</language>"))
                .append('\n');
        x.setLength(x.length() - "</channel>\n".length());
        x.append('\n');
        for (FeedState.Entry e : c.visible()) {
            x.append("<item>");
            if (!e.title.isEmpty()) {
                x.append("<title>").append(esc(e.title)).append("</title>");
            }
            x.append("<link>").append(base).append("/news/").append(e.seq).append("</link><description>")
                    .append(esc(e.body)).append("</description></item>\n");
        }
        return x.append("</channel></rss>\n").toString();
    }

    static String rss10(FeedState.Channel c, String base) {
        StringBuilder seq = new StringBuilder("<items><rdf:Seq>");
        StringBuilder items = new StringBuilder();
        for (FeedState.Entry e : c.visible()) {
            String link = base + "/news/" + e.seq;
            seq.append("<rdf:li rdf:resource=\"").append(link).append("\"/>");
            items.append("<item rdf:about=\"").append(link).append("\">");
            if (!e.title.isEmpty()) {
                items.append("<title>").append(esc(e.title)).append("</title>");
            }
            items.append("<link>").append(link).append("</link><description>").append(esc(e.body))
                    .append("</description><dc:date>").append(date(e.published)).append("</dc:date></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"" + RDF
                + "\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + channel(c, base, seq.append("</rdf:Seq></items>").toString()).replace("<channel>",
                "<channel rdf:about=\"" + esc(base + "/feeds/" + c.name + ".xml") + "\">") + items + "</rdf:RDF>\n";
    }

    static String atom03(FeedState.Channel c, String base) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\" xml:lang=\"de\">\n");
        x.append("<title>").append(esc(c.title)).append("</title><link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(esc(c.link != null ? c.link : base + "/")).append("\"/><modified>").append(date(c.changedAt))
                .append("</modified><author><name>").append(esc(c.title)).append("</name></author>");
        if (c.description != null) {
            x.append("<tagline>").append(esc(c.description)).append("</tagline>");
        }
        if (c.generator != null) {
            x.append("<generator>").append(esc(c.generator)).append("</generator>");
        }
        x.append('\n');
        for (FeedState.Entry e : c.visible()) {
            x.append("<entry><title>").append(esc(e.title)).append("</title><link rel=\"alternate\" type=\"text/html\"")
                    .append(" href=\"").append(base).append("/news/").append(e.seq).append("\"/><id>").append(esc(e.id))
                    .append("</id><issued>").append(date(e.published)).append("</issued><modified>")
                    .append(date(e.updated)).append("</modified><content type=\"text/html\" mode=\"escaped\">")
                    .append(esc(e.body)).append("</content></entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    /** The channel element of the RSS dialects without items; {@code extra} goes before its end. */
    private static String channel(FeedState.Channel c, String base, String extra) {
        String link = c.link != null ? c.link : base + "/";
        StringBuilder x = new StringBuilder("<channel><title>").append(esc(c.title)).append("</title><link>")
                .append(esc(link)).append("</link><description>")
                .append(esc(c.description != null ? c.description : c.title)).append("</description>").append(extra);
        return x.append("</channel>").toString();
    }

    static String date(Instant t) {
        return RFC_3339.format(t.atZone(BERLIN).toOffsetDateTime());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
