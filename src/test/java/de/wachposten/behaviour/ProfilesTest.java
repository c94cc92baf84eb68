package de.wachposten.behaviour;

import static de.wachposten.behaviour.ProfileFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.ChannelHistory.Feature;
import de.wachposten.model.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private final ChannelConfig channel = ProfileFixtures.channel(List.of(), BehaviourSettings.DEFAULTS);

    @Test
    void aProfileIsBuiltOnceFromTheStoredPostsPublishedBeforeThePostChecked() {
        List<Post> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(post("s" + i, T.plus(Duration.ofHours(i)), "Hootsuite", "de", List.of(), "x"));
        }
        int[] loads = {0};
        Profiles profiles = new Profiles(id -> {
            loads[0]++;
            return stored;
        });
        Post current = stored.get(3);
        ChannelHistory h = profiles.before(channel, current);
        assertThat(h.posts()).isEqualTo(3);
        profiles.learn(channel, current);
        profiles.learn(channel, current);
        assertThat(profiles.before(channel, stored.get(4)).posts()).isEqualTo(4);
        assertThat(loads[0]).isEqualTo(1);
    }

    @Test
    void countsClientsLanguagesDomainsAndMentionsCaseInsensitively() {
        Profile p = new Profile(ProfileFixtures.BERLIN, Duration.ofMinutes(10));
        p.learn(post("1", T, "Hootsuite", "de", List.of("https://www.Sachsen.de/a", "not a uri"),
                "Danke @SMS_Sachsen und @polizei@social.example."));
        assertThat(p.count(Feature.CLIENT, "HOOTSUITE")).isEqualTo(1);
        assertThat(p.count(Feature.LANGUAGE, "de")).isEqualTo(1);
        assertThat(p.count(Feature.LINK_DOMAIN, "sachsen.de")).isEqualTo(1);
        assertThat(p.count(Feature.MENTION, "sms_sachsen")).isEqualTo(1);
        assertThat(p.count(Feature.MENTION, "polizei@social.example")).isEqualTo(1);
        assertThat(p.hourCount(java.time.DayOfWeek.MONDAY, 10)).isEqualTo(1);
    }
}
