package de.wachposten.platform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Meta CDN picture URLs lose only their rotating signature. */
class GraphProfileTest {

    @Test
    void facebookAndInstagramCdnUrlsLoseTheirQuery() {
        assertThat(GraphProfile.stableUrl("https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/301_n.jpg?stp=c0&oh=00_A&oe=6"))
                .isEqualTo("https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/301_n.jpg");
        assertThat(GraphProfile.stableUrl("https://scontent.cdninstagram.com/v/t51.2885-19/44_n.jpg?oh=1#x"))
                .isEqualTo("https://scontent.cdninstagram.com/v/t51.2885-19/44_n.jpg");
    }

    @Test
    void otherUrlsAndNonUrlsStayAsTheyAreAndNullIsEmpty() {
        assertThat(GraphProfile.stableUrl("https://www.sms.sachsen.de/bild.jpg?v=2"))
                .isEqualTo("https://www.sms.sachsen.de/bild.jpg?v=2");
        assertThat(GraphProfile.stableUrl("kein url mit leerzeichen")).isEqualTo("kein url mit leerzeichen");
        assertThat(GraphProfile.stableUrl(null)).isEmpty();
    }
}
