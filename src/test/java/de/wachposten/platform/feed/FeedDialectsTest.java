package de.wachposten.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Media;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One document per feed dialect, written after the specifications (RSS 0.90 and 1.0 of the RSS-DEV working group,
 * Netscape's RSS 0.91, Userland's RSS 0.92 and 2.0, Atom 0.3 draft and RFC 4287), with the quirks of German
 * authorities' CMS feeds: ISO-8859-1, German month names, items without guid or date, shared links.
 */
class FeedDialectsTest {

    static Feed read(String xml) throws Exception {
        return FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    @Test
    void rss090RdfWithoutDatesOrGuidsIsKeyedByLink() throws Exception {
        Feed feed = read("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
                  <channel><title>Stadt Musterhausen</title><link>https://www.musterhausen.example/</link>
                    <description>Aktuelle Meldungen</description></channel>
                  <image><title>Stadt</title><url>https://www.musterhausen.example/logo.gif</url>
                    <link>https://www.musterhausen.example/</link></image>
                  <item><title>Sperrung der Hauptstraße</title><link>https://www.musterhausen.example/m/1</link></item>
                  <item><title>Wahlhelfer gesucht</title><link>https://www.musterhausen.example/m/2</link></item>
                </rdf:RDF>""");

        assertThat(feed.format()).isEqualTo("rdf");
        assertThat(feed.title()).isEqualTo("Stadt Musterhausen");
        assertThat(feed.about().image()).isEqualTo("https://www.musterhausen.example/logo.gif");
        assertThat(feed.items()).extracting(FeedItem::id).containsExactly("https://www.musterhausen.example/m/1",
                "https://www.musterhausen.example/m/2");
        assertThat(feed.items()).extracting(FeedItem::text).containsExactly("Sperrung der Hauptstraße",
                "Wahlhelfer gesucht");
        assertThat(feed.items()).allSatisfy(i -> assertThat(i.published()).isNull());
    }

    @Test
    void rss091NetscapeWithItsDoctypeAndIso88591Prolog() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Landratsamt Süd</title><link>https://lra.example/</link>
                <description>Pressemitteilungen</description><language>de</language>
                <item><title>Öffnungszeiten über Ostern</title><link>https://lra.example/pm/17</link>
                <description>Die Ämter schließen am Gründonnerstag um 12 Uhr &amp; öffnen am Dienstag.</description></item>
                </channel></rss>""";

        Feed feed = FeedReader.read(xml.getBytes(StandardCharsets.ISO_8859_1), "text/xml");

        assertThat(feed.format()).isEqualTo("rss");
        assertThat(feed.title()).isEqualTo("Landratsamt Süd");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("https://lra.example/pm/17");
            assertThat(i.text()).isEqualTo("Öffnungszeiten über Ostern\n\nDie Ämter schließen am Gründonnerstag um 12"
                    + " Uhr & öffnen am Dienstag.");
        });
    }

    @Test
    void rss092WithEnclosureAndNoTitleAndTheCharsetOfTheHttpHeader() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <rss version="0.92"><channel><title>Gemeinde Beispielsee</title><link>https://beispielsee.example/</link>
                <description>Amtsblatt</description>
                <item><description>Amtsblatt Nr. 12: Bekanntmachungen für Grundstücke</description>
                <enclosure url="https://beispielsee.example/amtsblatt-12.pdf" length="481230" type="application/pdf"/></item>
                </channel></rss>""";

        Feed feed = FeedReader.read(xml.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml; charset=ISO-8859-1");

        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).startsWith("sha256:");
            assertThat(i.text()).isEqualTo("Amtsblatt Nr. 12: Bekanntmachungen für Grundstücke");
            assertThat(i.media()).containsExactly(new Media("other", "https://beispielsee.example/amtsblatt-12.pdf", null));
        });
    }

    @Test
    void rss10WithNamespacesOnTheChannelDublinCoreContentEncodedAndSharedLinks() throws Exception {
        Feed feed = read("""
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://landtag.example/rss" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:content="http://purl.org/rss/1.0/modules/content/">
                    <title>Landtag – Plenum</title><link>https://landtag.example/</link><description>Termine</description>
                    <dc:publisher>Landtagsverwaltung</dc:publisher>
                    <items><rdf:Seq><rdf:li rdf:resource="https://landtag.example/p/1"/>
                      <rdf:li rdf:resource="https://landtag.example/p/2"/><rdf:li rdf:resource="https://landtag.example/p/3"/>
                    </rdf:Seq></items>
                  </channel>
                  <item rdf:about="https://landtag.example/p/1" xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <title>12. Plenarsitzung</title><link>https://landtag.example/plenum</link>
                    <dc:date>2016-01-08T06:30:00+01:00</dc:date><dc:creator>Pressestelle</dc:creator></item>
                  <item rdf:about="https://landtag.example/p/2" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:content="http://purl.org/rss/1.0/modules/content/">
                    <title>13. Plenarsitzung</title><link>https://landtag.example/plenum</link>
                    <description>kurz</description>
                    <content:encoded><![CDATA[<p>Tagesordnung: <a href="https://landtag.example/to/13">TO 13</a></p>]]></content:encoded>
                    <dc:date>2016-01-09T06:30:00+01:00</dc:date></item>
                  <item rdf:about="https://landtag.example/p/3"><title>14. Plenarsitzung</title>
                    <link>https://landtag.example/p/3</link></item>
                </rdf:RDF>""");

        assertThat(feed.format()).isEqualTo("rdf");
        assertThat(feed.items()).extracting(FeedItem::id).containsExactly("https://landtag.example/p/1",
                "https://landtag.example/p/2", "https://landtag.example/p/3");
        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
        assertThat(feed.items().get(0).author()).isEqualTo("Pressestelle");
        assertThat(feed.items().get(1).text()).isEqualTo("13. Plenarsitzung\n\nTagesordnung: TO 13");
        assertThat(feed.items().get(1).links()).containsExactly("https://landtag.example/to/13");
    }

    @Test
    void rss20GermanAuthorityFeedWithGermanDatesMediaRssAndItemsWithoutGuid() throws Exception {
        Feed feed = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel><title>Polizeipräsidium &amp; Co.</title><link>https://polizei.example/</link>
                <atom:link href="https://polizei.example/rss.xml" rel="self" type="application/rss+xml"/>
                <description>Meldungen</description><generator>Government Site Builder</generator>
                <item><title>Verkehrsunfall auf der B 6</title><link>https://polizei.example/meldungen</link>
                  <pubDate>Fr, 08 Jan 2016 06:30:00 +0100</pubDate>
                  <description><![CDATA[Zeugen gesucht &ndash; bitte melden Sie sich unter <b>0351&nbsp;123</b>.]]></description>
                  <media:content url="https://polizei.example/b6.jpg" medium="image"/></item>
                <item><title>Vermisste Person</title><link>https://polizei.example/meldungen</link>
                  <pubDate>Sa, 09 Mär 2016 7:05:00 MEZ</pubDate><dc:creator>PD Dresden</dc:creator>
                  <content:encoded>&lt;p&gt;Die Polizei bittet um Hinweise.&lt;/p&gt;</content:encoded></item>
                <item><guid isPermaLink="true">https://polizei.example/m/3</guid><title>Erledigt</title>
                  <pubDate>kein Datum</pubDate></item>
                </channel></rss>""");

        assertThat(feed.generator()).isEqualTo("Government Site Builder");
        assertThat(feed.items()).hasSize(3);
        FeedItem first = feed.items().get(0);
        FeedItem second = feed.items().get(1);
        assertThat(first.id()).isEqualTo("sha256:" + FeedReader.hash("https://polizei.example/meldungen\n"
                + "Verkehrsunfall auf der B 6"));
        assertThat(second.id()).startsWith("sha256:").isNotEqualTo(first.id());
        assertThat(first.text()).isEqualTo("Verkehrsunfall auf der B 6\n\nZeugen gesucht – bitte melden Sie sich unter"
                + " 0351 123.");
        assertThat(first.published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
        assertThat(first.media()).containsExactly(new Media("image", "https://polizei.example/b6.jpg", null));
        assertThat(second.published()).isEqualTo(Instant.parse("2016-03-09T06:05:00Z"));
        assertThat(second.author()).isEqualTo("PD Dresden");
        assertThat(second.text()).isEqualTo("Vermisste Person\n\nDie Polizei bittet um Hinweise.");
        assertThat(feed.items().get(2).id()).isEqualTo("https://polizei.example/m/3");
        assertThat(feed.items().get(2).published()).isNull();
    }

    @Test
    void atom03WithEscapedContentIssuedAndModified() throws Exception {
        Feed feed = read("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="de">
                  <title>Umweltamt</title><link rel="alternate" type="text/html" href="https://umwelt.example/"/>
                  <tagline>Messwerte und Warnungen</tagline><modified>2016-01-08T06:30:00+01:00</modified>
                  <author><name>Umweltamt</name></author><generator version="2.1">Blogsoftware</generator>
                  <entry><title>Feinstaubalarm</title><link rel="alternate" type="text/html" href="https://umwelt.example/1"/>
                    <id>tag:umwelt.example,2016:1</id><issued>2016-01-08T06:30:00+01:00</issued>
                    <modified>2016-01-08T08:00:00+01:00</modified>
                    <content type="text/html" mode="escaped">&lt;p&gt;Bitte lassen Sie das Auto stehen.&lt;/p&gt;</content>
                  </entry>
                  <entry><title>Messnetz</title><link rel="alternate" type="text/html" href="https://umwelt.example/2"/>
                    <id>tag:umwelt.example,2016:2</id><issued>2016-01-07T06:30:00+01:00</issued>
                    <modified>2016-01-07T06:30:00+01:00</modified><summary>Neue Station in Mitte</summary></entry>
                </feed>""");

        assertThat(feed.format()).isEqualTo("atom");
        assertThat(feed.generator()).isEqualTo("Blogsoftware 2.1");
        assertThat(feed.about().description()).isEqualTo("Messwerte und Warnungen");
        assertThat(feed.about().link()).isEqualTo("https://umwelt.example/");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0)).satisfies(i -> {
            assertThat(i.id()).isEqualTo("tag:umwelt.example,2016:1");
            assertThat(i.url()).isEqualTo("https://umwelt.example/1");
            assertThat(i.author()).isEqualTo("Umweltamt");
            assertThat(i.text()).isEqualTo("Feinstaubalarm\n\nBitte lassen Sie das Auto stehen.");
            assertThat(i.published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
            assertThat(i.updated()).isEqualTo(Instant.parse("2016-01-08T07:00:00Z"));
        });
        assertThat(feed.items().get(1).text()).isEqualTo("Messnetz\n\nNeue Station in Mitte");
    }

    @Test
    void atom10WithXhtmlContentRelativeLinksAndLiteralText() throws Exception {
        Feed feed = read("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://bund.example/">
                  <title type="text">Bundesamt &lt;Test&gt;</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                  <updated>2016-01-08T05:30:00Z</updated><link rel="self" href="/atom.xml"/><link href="https://bund.example/"/>
                  <author><name>Bundesamt</name></author>
                  <entry><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><title type="text">A &amp; B &lt;c&gt;</title>
                    <link href="https://bund.example/e/1"/><updated>2016-01-08T05:30:00Z</updated>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Absatz eins</p><p>Absatz
                      <a href="https://bund.example/info">zwei</a></p></div></content></entry>
                </feed>""");

        assertThat(feed.title()).isEqualTo("Bundesamt <Test>");
        assertThat(feed.about().link()).isEqualTo("https://bund.example/");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            // a raw line break in the markup stays a line break, as in every description (HtmlText.Whitespace.COLLAPSE)
            assertThat(i.text()).isEqualTo("A & B <c>\n\nAbsatz eins\n\nAbsatz\nzwei");
            assertThat(i.links()).containsExactly("https://bund.example/info");
            assertThat(i.published()).isNull();
            assertThat(i.updated()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
            assertThat(i.author()).isEqualTo("Bundesamt");
        });
    }

    @Test
    void aGzipBodyIsUnpacked() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write("<rss version=\"2.0\"><channel><title>t</title><item><guid>g1</guid><title>gepackt</title></item>"
                    .concat("</channel></rss>").getBytes(StandardCharsets.UTF_8));
        }

        Feed feed = FeedReader.read(packed.toByteArray(), "application/rss+xml");

        assertThat(feed.items()).extracting(FeedItem::text).containsExactly("gepackt");
    }

    @Test
    void anExternalEntityToALocalFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "GEHEIMER-INHALT");
        Feed feed = read("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>a&file;b</title>"
                + "</item></channel></rss>");

        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.text()).doesNotContain("GEHEIMER-INHALT");
            assertThat(i.raw()).doesNotContain("GEHEIMER-INHALT");
        });
    }

    @Test
    void aBillionLaughsDocumentFailsAtOnceNamingTheExpansionLimit() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        String bomb = dtd + "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(bomb)).isInstanceOf(FeedReader.XmlException.class)
                .hasMessageContaining("entity expansions");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
