package de.wachposten.platform.rss;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.FeedReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's own metadata as a profile, from realistic RSS 2.0, RSS 1.0 and Atom documents. */
class FeedProfileTest {
    private static Profile profile(String xml) throws Exception {
        return FeedProfile.of(FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), ""));
    }

    @Test
    void rss2ChannelTitleDescriptionImageAndLinkBecomeTheProfile() throws Exception {
        Profile p = profile("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
                  <title>Medienservice Sachsen</title>
                  <atom:link href="https://www.medienservice.sachsen.de/feed.rss" rel="self" type="application/rss+xml"/>
                  <link>https://www.medienservice.sachsen.de/</link>
                  <description>Pressemitteilungen der Sächsischen Staatsregierung 🗞️</description>
                  <language>de</language>
                  <image><url>https://www.medienservice.sachsen.de/logo.png</url><title>Medienservice</title>
                    <link>https://www.medienservice.sachsen.de/</link></image>
                  <item><title>Eins</title><guid>1</guid></item>
                </channel></rss>
                """);

        assertThat(p.fields()).isEqualTo(Map.of("display_name", "Medienservice Sachsen",
                "note", "Pressemitteilungen der Sächsischen Staatsregierung 🗞️",
                "avatar", "https://www.medienservice.sachsen.de/logo.png",
                "links", "https://www.medienservice.sachsen.de/"));
    }

    @Test
    void htmlEntitiesEscapedTwiceInAnRssTitleReadAsMeantAndMarkupInTheDescriptionIsDropped() throws Exception {
        Profile p = profile("""
                <rss version="2.0"><channel>
                  <title>Presse &amp;amp; Öffentlichkeitsarbeit &amp;#8211; Landratsamt</title>
                  <description>&lt;p&gt;Neues aus dem &lt;b&gt;Landkreis&lt;/b&gt;&lt;/p&gt;</description>
                </channel></rss>
                """);

        assertThat(p.fields()).containsEntry("display_name", "Presse & Öffentlichkeitsarbeit – Landratsamt")
                .containsEntry("note", "Neues aus dem Landkreis");
    }

    @Test
    void missingOptionalFieldsAreEmptyAndAFeedWithoutAnyMetadataShowsNoProfile() throws Exception {
        assertThat(profile("<rss version=\"2.0\"><channel><title>Nur ein Titel</title></channel></rss>").fields())
                .isEqualTo(Map.of("display_name", "Nur ein Titel", "note", "", "avatar", "", "links", ""));
        assertThat(profile("<rss version=\"2.0\"><channel><item><guid>1</guid></item></channel></rss>")).isNull();
    }

    @Test
    void atomSubtitleLogoAndAlternateLinkBecomeTheProfileAndTheIconServesWithoutALogo() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="html">Polizei &lt;i&gt;Sachsen&lt;/i&gt; 🚓</title>
                  <subtitle>Meldungen &amp; Warnungen</subtitle>
                  <link rel="self" href="https://polizei.example/atom.xml"/>
                  <link rel="alternate" type="text/html" href="https://polizei.example/"/>
                  %s
                  <id>urn:polizei</id><updated>2026-01-08T05:30:00Z</updated>
                </feed>
                """;

        assertThat(profile(atom.formatted("<icon>https://polizei.example/favicon.ico</icon>"
                + "<logo>https://polizei.example/logo.svg</logo>")).fields()).isEqualTo(Map.of(
                "display_name", "Polizei Sachsen 🚓", "note", "Meldungen & Warnungen",
                "avatar", "https://polizei.example/logo.svg", "links", "https://polizei.example/"));
        assertThat(profile(atom.formatted("<icon>https://polizei.example/favicon.ico</icon>")).fields())
                .containsEntry("avatar", "https://polizei.example/favicon.ico");
    }

    @Test
    void aLiteralAmpersandEntityInAnAtomTextTitleStaysLiteral() throws Exception {
        Profile p = profile("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Tipps: &amp;amp; schreiben</title>
                <id>urn:x</id></feed>
                """);

        assertThat(p.fields()).containsEntry("display_name", "Tipps: &amp; schreiben").containsEntry("links", "");
    }

    @Test
    void rss1ImageIsReadFromTheDocumentRoot() throws Exception {
        Profile p = profile("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://amt.example/rss">
                    <title>Amtsblatt</title><link>https://amt.example/</link><description>Bekanntmachungen</description>
                    <image rdf:resource="https://amt.example/wappen.png"/>
                  </channel>
                  <image rdf:about="https://amt.example/wappen.png"><title>Amtsblatt</title>
                    <url>https://amt.example/wappen.png</url><link>https://amt.example/</link></image>
                </rdf:RDF>
                """);

        assertThat(p.fields()).isEqualTo(Map.of("display_name", "Amtsblatt", "note", "Bekanntmachungen",
                "avatar", "https://amt.example/wappen.png", "links", "https://amt.example/"));
    }
}
