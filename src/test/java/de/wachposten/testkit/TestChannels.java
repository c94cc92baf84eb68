package de.wachposten.testkit;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.model.Approval;
import de.wachposten.model.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds channels, policies, posts and approvals for tests. */
public final class TestChannels {
    private TestChannels() {}

    public static Policy policy(boolean approval, ChannelStatus status, String... hours) {
        return new Policy(approval, Arrays.stream(hours).map(HoursRange::parse).toList(), Policy.DEFAULT_ZONE, null,
                status, List.of());
    }

    public static ChannelConfig channel(String id, Policy policy) {
        return new ChannelConfig(id, id, "mastodon", "sms", "sms-presse", null, Map.of(), Duration.ofSeconds(60),
                false, null, policy, List.of(), List.of(), 1);
    }

    public static Post post(String channelId, String id, String text, Instant publishedAt) {
        return new Post(channelId, "mastodon", id, "https://social.example/@sms/" + id, "sms", text, publishedAt, null,
                "Web", "de", List.of(), publishedAt.plusSeconds(5), "{}");
    }

    public static Approval approval(String id, String channelId, String text, Instant notBefore, Instant notAfter) {
        return new Approval(id, channelId, text, notBefore, notAfter, "anna", "bernd", Instant.parse("2016-01-07T12:00:00Z"),
                null, null, null);
    }
}
