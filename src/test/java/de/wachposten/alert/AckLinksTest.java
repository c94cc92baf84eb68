package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Resolution;
import de.wachposten.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckLinksTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = MutableClock.at("2016-01-08T05:31:00Z");
    private final AckLinks links = new AckLinks(KEY, "https://wachposten.example/", Duration.ofHours(1), clock);

    private static String token(AckLinks.Link l) {
        return l.url().substring("https://wachposten.example/ack/".length());
    }

    @Test
    void oneLinkPerResolutionVerifiesToItsAlertResolutionAndExpiry() {
        List<AckLinks.Link> all = links.links("a-7f3c");
        assertThat(all).extracting(AckLinks.Link::resolution).containsExactly(Resolution.values());
        assertThat(all).allMatch(l -> l.url().startsWith("https://wachposten.example/ack/"));
        AckLinks.Check c = links.verify(token(all.get(1)));
        assertThat(c.ok()).isTrue();
        assertThat(c.claim()).isEqualTo(new AckLinks.Claim("a-7f3c", Resolution.FALSE_POSITIVE,
                Instant.parse("2016-01-08T06:31:00Z")));
    }

    @Test
    void aLinkExpiresAfterItsValidity() {
        String t = token(links.links("a-7f3c").get(0));
        clock.advance(Duration.ofMinutes(61));
        assertThat(links.verify(t).problem()).isEqualTo(AckLinks.Problem.EXPIRED);
    }

    @Test
    void aChangedPayloadOrAnotherKeyFailsTheSignature() {
        String t = token(links.links("a-7f3c").get(0));
        String forged = links.token("a-other", Resolution.APPROVED_LATE, Instant.parse("2030-01-01T00:00:00Z"));
        String mixed = forged.substring(0, forged.indexOf('.')) + t.substring(t.indexOf('.'));
        assertThat(links.verify(mixed).problem()).isEqualTo(AckLinks.Problem.BAD_SIGNATURE);
        AckLinks other = new AckLinks("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII),
                "https://wachposten.example", Duration.ofHours(1), clock);
        assertThat(other.verify(t).problem()).isEqualTo(AckLinks.Problem.BAD_SIGNATURE);
    }

    @Test
    void garbageIsMalformed() {
        for (String bad : new String[] {"", "abc", ".", "!!!.???", "x".repeat(600)}) {
            assertThat(links.verify(bad).problem()).as(bad).isEqualTo(AckLinks.Problem.MALFORMED);
        }
    }

    @Test
    void aShortKeyIsRefusedAndTheKeyNeverPrints() {
        assertThatThrownBy(() -> new AckLinks(new byte[8], "https://x", Duration.ofHours(1), clock))
                .hasMessage("the acknowledgement link key must have at least 32 bytes");
        assertThat(links.toString()).doesNotContain("0123456789abcdef").contains("<secret>");
    }
}
