package de.wachposten.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Media;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mapping of realistic RSS and Atom documents, written after RSS 2.0, RSS 1.0 and RFC 4287 (Atom). */
class FeedParserTest {

    static Feed parse(String xml) throws Exception {
        return FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void rssItemWithEscapedHtmlAndEntitiesBecomesTitleAndPlainText() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Medienservice (Beispiel)</title><link>https://www.example.de/</link>
                <generator>ExampleCMS 5.2</generator>
                <item><title>Neue F&#246;rderrichtlinie &amp; mehr</title><link>https://www.example.de/news/1069713</link>
                <guid isPermaLink="false">news-1069713</guid><pubDate>Fri, 08 Jan 2016 06:30:00 +0100</pubDate>
                <description>&lt;p&gt;Text &amp;bdquo;zitiert&amp;ldquo; &amp;ndash; &lt;a href="https://www.example.de/foerderung"&gt;mehr&lt;/a&gt;&lt;/p&gt;</description>
                <enclosure url="https://www.example.de/img/1069713.jpg" length="183422" type="image/jpeg"/></item>
                </channel></rss>""");

        assertThat(feed.format()).isEqualTo("rss");
        assertThat(feed.generator()).isEqualTo("ExampleCMS 5.2");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("news-1069713");
            assertThat(i.url()).isEqualTo("https://www.example.de/news/1069713");
            assertThat(i.text()).isEqualTo("Neue Förderrichtlinie & mehr\n\nText „zitiert“ – mehr");
            assertThat(i.links()).containsExactly("https://www.example.de/foerderung");
            assertThat(i.published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
            assertThat(i.updated()).isNull();
        });
    }

    @Test
    void atomEntryUsesPublishedAndUpdatedInRfc3339AndTheGeneratorVersion() throws Exception {
        Feed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Polizei Sachsen</title>
                <generator uri="https://wordpress.org/" version="6.4">WordPress</generator>
                <author><name>Polizeidirektion</name></author>
                <entry><id>tag:polizei.example,2016:1</id><title type="html">Warnung &amp;lt;Glätte&amp;gt;</title>
                <link rel="alternate" href="https://polizei.example/1"/><link rel="enclosure" href="https://polizei.example/1.jpg"/>
                <published>2016-01-08T06:30:00+01:00</published><updated>2016-01-08T07:02:10+01:00</updated>
                <summary type="text">Bitte fahren Sie &lt;vorsichtig&gt;</summary></entry></feed>""");

        assertThat(feed.generator()).isEqualTo("WordPress 6.4");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("tag:polizei.example,2016:1");
            assertThat(i.url()).isEqualTo("https://polizei.example/1");
            assertThat(i.author()).isEqualTo("Polizeidirektion");
            assertThat(i.text()).isEqualTo("Warnung <Glätte>\n\nBitte fahren Sie <vorsichtig>");
            assertThat(i.published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
            assertThat(i.updated()).isEqualTo(Instant.parse("2016-01-08T06:02:10Z"));
        });
    }

    @Test
    void itemWithoutGuidTitleOrDateIsKeyedByItsLinkAndKeepsItsText() throws Exception {
        Feed feed = parse("<rss version=\"2.0\"><channel><title>t</title><item><link>https://e.example/a</link>"
                + "<description>nur Text</description></item><item><description>ganz ohne alles</description>"
                + "</item></channel></rss>");

        assertThat(feed.generator()).isNull();
        assertThat(feed.items()).extracting(FeedItem::id).first().isEqualTo("https://e.example/a");
        assertThat(feed.items().get(1).id()).startsWith("sha256:");
        assertThat(feed.items()).allSatisfy(i -> assertThat(i.published()).isNull());
        assertThat(feed.items()).extracting(FeedItem::text).containsExactly("nur Text", "ganz ohne alles");
    }

    @Test
    void emojiCombiningCharactersAndRightToLeftTextSurviveUnchanged() throws Exception {
        String text = "Willkommen 👋🏽 e\u0301 مرحبا بكم في ساكسونيا";
        Feed feed = parse("<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><description>"
                + text + " &#x1F1E9;&#x1F1EA;</description></item></channel></rss>");

        assertThat(feed.items().getFirst().text()).isEqualTo(text + " 🇩🇪");
    }

    @Test
    void mediaOnlyItemWithAnEmptyDescriptionHasEmptyText() throws Exception {
        Feed feed = parse("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
                + "<item><guid>p1</guid><description/><media:content url=\"https://e.example/p.jpg\"/></item>"
                + "</channel></rss>");

        assertThat(feed.items().getFirst().text()).isEmpty();
    }

    @Test
    void rss10RdfItemsAreRead() throws Exception {
        Feed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Landtag</title></channel>
                <item><title>Plenum</title><link>https://landtag.example/p</link><dc:date>2016-01-08T06:30:00+01:00</dc:date>
                </item></rdf:RDF>""");

        assertThat(feed.format()).isEqualTo("rdf");
        assertThat(feed.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("https://landtag.example/p");
            assertThat(i.published()).isEqualTo(Instant.parse("2016-01-08T05:30:00Z"));
        });
    }

    @Test
    void anHtmlDocumentIsNoFeed() {
        assertThatThrownBy(() -> parse("<html><body><h1>502</h1></body></html>"))
                .isInstanceOf(FeedReader.NotAFeedException.class).hasMessageContaining("<html>");
    }

    @Test
    void truncatedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>t</title><item><guid>1</gu"))
                .isInstanceOf(FeedReader.XmlException.class).hasMessageStartingWith("line 1, column");
    }

    @Test
    void enclosuresAndMediaRssContentBecomeMediaEachUrlOnce() throws Exception {
        Feed feed = parse("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>LfD</title>
                <item><title>Podcast</title><guid>p1</guid>
                  <enclosure url="https://lfd.example/folge1.mp3" type="audio/mpeg" length="1"/>
                  <media:content url="https://lfd.example/folge1.mp3" type="audio/mpeg"/>
                  <media:content url="https://lfd.example/bild.jpg" medium="image"/>
                </item>
                <item><title>Ohne</title><guid>p2</guid></item>
                </channel></rss>""");

        assertThat(feed.items().get(0).media()).containsExactly(new Media("audio", "https://lfd.example/folge1.mp3", null),
                new Media("image", "https://lfd.example/bild.jpg", null));
        assertThat(feed.items().get(1).media()).isEmpty();
    }

    @Test
    void atomEnclosureLinksAndYouTubeMediaGroupsBecomeMedia() throws Exception {
        Feed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>T</title>
                <entry><id>a1</id><title>Datei</title><updated>2026-01-08T05:30:00Z</updated>
                  <link rel="enclosure" href="https://example.de/bericht.pdf" type="application/pdf"/></entry>
                <entry><id>yt:video:abc</id><title>Video</title><updated>2026-01-08T05:30:00Z</updated>
                  <media:group><media:title>Video</media:title>
                    <media:content url="https://www.youtube.com/v/abc?version=3" type="application/x-shockwave-flash"/>
                    <media:thumbnail url="https://i1.ytimg.com/vi/abc/hqdefault.jpg"/>
                    <media:description>Die Rede</media:description></media:group></entry>
                </feed>""");

        assertThat(feed.items().get(0).media()).containsExactly(new Media("other", "https://example.de/bericht.pdf", null));
        assertThat(feed.items().get(1).media()).containsExactly(
                new Media("video", "https://www.youtube.com/v/abc?version=3", "Die Rede"));
    }
}
