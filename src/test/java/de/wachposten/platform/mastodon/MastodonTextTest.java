package de.wachposten.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MastodonTextTest {
    private static final String SAMPLE = "<p>Neue Förderrichtlinie veröffentlicht: <a href=\"https://www.example.de/foerderung\""
            + " rel=\"nofollow noopener noreferrer\" target=\"_blank\"><span class=\"invisible\">https://www.</span>"
            + "<span class=\"\">example.de/foerderung</span><span class=\"invisible\"></span></a> "
            + "<a href=\"https://social.example/tags/Sachsen\" class=\"mention hashtag\" rel=\"tag\">#<span>Sachsen</span></a></p>";

    @Test
    void invisibleSpansAreKeptSoLinkTextIsTheFullUrl() {
        assertThat(MastodonText.toPlainText(SAMPLE))
                .isEqualTo("Neue Förderrichtlinie veröffentlicht: https://www.example.de/foerderung #Sachsen");
    }

    @Test
    void shortenedLongUrlsComeOutComplete() {
        String html = "<p><a href=\"https://example.de/a/very/long/path/that/mastodon/shortens\"><span class=\"invisible\">"
                + "https://</span><span class=\"ellipsis\">example.de/a/very/long/path/tha</span><span class=\"invisible\">"
                + "t/mastodon/shortens</span></a></p>";

        assertThat(MastodonText.toPlainText(html)).isEqualTo("https://example.de/a/very/long/path/that/mastodon/shortens");
    }

    @Test
    void linksAreTheHrefsOfAnchorsThatAreNeitherMentionsNorHashtags() {
        String html = SAMPLE + "<p><span class=\"h-card\"><a href=\"https://social.example/@polizei\" class=\"u-url mention\">"
                + "@<span>polizei</span></a></span> <a href=\"https://example.de/?a=1&amp;b=2\">x</a></p>";

        assertThat(MastodonText.links(html))
                .containsExactly("https://www.example.de/foerderung", "https://example.de/?a=1&b=2");
    }

    @Test
    void namedAndNumericEntitiesAreDecoded() {
        assertThat(MastodonText.toPlainText("<p>A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; &#x1F600; &#128512; &euro; &bogus;</p>"))
                .isEqualTo("A & B <C> \"D\" 'E' 😀 😀 € &bogus;");
    }

    @Test
    void paragraphsAndLineBreaksBecomeNewlines() {
        assertThat(MastodonText.toPlainText("<p>Zeile 1<br>Zeile 2<br />Zeile 3</p><p>Absatz 2</p>"))
                .isEqualTo("Zeile 1\nZeile 2\nZeile 3\n\nAbsatz 2");
    }

    @Test
    void emojiAndRightToLeftTextSurvive() {
        assertThat(MastodonText.toPlainText("<p>مرحبا بالعالم 👋🏽 שלום 🇩🇪</p>")).isEqualTo("مرحبا بالعالم 👋🏽 שלום 🇩🇪");
    }

    @Test
    void strayAngleBracketAndCommentsDoNotSwallowText() {
        assertThat(MastodonText.toPlainText("<p>1 < 2<!-- note --> und 3 > 2</p>")).isEqualTo("1 < 2 und 3 > 2");
    }

    @Test
    void nullAndEmptyGiveEmptyText() {
        assertThat(MastodonText.toPlainText(null)).isEmpty();
        assertThat(MastodonText.toPlainText("")).isEmpty();
        assertThat(MastodonText.links(null)).isEmpty();
    }
}
