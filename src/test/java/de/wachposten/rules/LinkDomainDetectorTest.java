package de.wachposten.rules;

import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkDomainDetectorTest {
    private static final Instant T = Instant.parse("2016-01-08T09:00:00Z");

    private List<Finding> run(List<String> allowed, String... links) {
        Policy p = new Policy(false, List.of(), Policy.DEFAULT_ZONE, null, ChannelStatus.ACTIVE, List.of(), List.of(),
                null, Policy.DEFAULT_SIMILARITY, 1, allowed);
        ChannelConfig ch = new ChannelConfig("sms", "sms", "mastodon", "sms", "sms-presse", null, Map.of(),
                Duration.ofSeconds(60), false, null, p, List.of(), List.of(), 1);
        Post base = post("sms", "1", "Infos", T);
        Post withLinks = new Post(base.channelId(), base.platform(), base.platformId(), base.url(), base.author(),
                base.text(), base.publishedAt(), null, base.client(), base.language(), List.of(links), base.seenAt(), "{}");
        Findings out = new Findings();
        new LinkDomainDetector().detect(new de.wachposten.detect.Event.Published(withLinks),
                new DetectionContext(ch, T, List.of()), out);
        return out.list();
    }

    @Test
    void linksToAllowedDomainsAndTheirSubdomainsPass() {
        assertThat(run(List.of("sachsen.de"), "https://www.sms.sachsen.de/pflege", "https://sachsen.de/")).isEmpty();
    }

    @Test
    void aLinkElsewhereIsFlaggedAsSuspiciousWithTheDomain() {
        List<Finding> f = run(List.of("sachsen.de"), "https://www.sms.sachsen.de/a", "https://crypto-gewinn.example/x?ref=1");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(ReasonCode.FLAGGED_CONTENT);
            assertThat(x.rule()).isEqualTo("link-domain-not-allowed");
            assertThat(x.category()).isEqualTo("suspicious_link");
            assertThat(x.matches()).containsExactly("crypto-gewinn.example");
            assertThat(x.detail()).isEqualTo("links to crypto-gewinn.example, not in the channel's link_domains (sachsen.de)");
        });
    }

    @Test
    void aLookalikeDomainIsNotASubdomain() {
        assertThat(run(List.of("sachsen.de"), "https://fake-sachsen.de/login")).hasSize(1);
    }

    @Test
    void channelsWithoutAnAllowlistAreNotChecked() {
        assertThat(run(List.of(), "https://anything.example/")).isEmpty();
    }
}
