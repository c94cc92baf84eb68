package de.wachposten.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Post;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.testkit.TestChannels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A changed profile becomes one synthetic post per revision; the first profile is only the baseline. */
class ProfileChangesTest {
    private static final Instant T = Instant.parse("2026-01-08T05:30:00Z");
    private static final Map<String, String> BEFORE = Map.of("display_name", "Pressestelle", "avatar", "a.png",
            "note", "Offiziell");

    @Test
    void theFirstProfileSeenIsTheBaselineAndRaisesNothing() {
        assertThat(ProfileChanges.change(TestChannels.channel("sms-mastodon", TestChannels.policy(true, de.wachposten.config.ChannelStatus.ACTIVE)), Optional.empty(), BEFORE, T)).isEmpty();
        assertThat(ProfileChanges.next(Optional.empty(), BEFORE, T)).isEqualTo(new ProfileSnapshot(1, BEFORE, T));
    }

    @Test
    void anUnchangedProfileRaisesNothing() {
        Optional<ProfileSnapshot> before = Optional.of(new ProfileSnapshot(3, BEFORE, T));

        assertThat(ProfileChanges.change(TestChannels.channel("sms-mastodon", TestChannels.policy(true, de.wachposten.config.ChannelStatus.ACTIVE)), before, Map.copyOf(BEFORE), T)).isEmpty();
    }

    @Test
    void aChangeIsAProfilePostOfTheNextRevisionNamingEveryChangedField() {
        Optional<ProfileSnapshot> before = Optional.of(new ProfileSnapshot(3, BEFORE, T));
        Map<String, String> now = Map.of("display_name", "Gekapert", "avatar", "b.png", "note", "Offiziell",
                "links", "https://evil.example");

        Post p = ProfileChanges.change(TestChannels.channel("sms-mastodon", TestChannels.policy(true, de.wachposten.config.ChannelStatus.ACTIVE)), before, now, T).orElseThrow();

        assertThat(p.platformId()).isEqualTo("profile:4");
        assertThat(p.text()).isEqualTo("profile changed: avatar \"a.png\" → \"b.png\"; display_name \"Pressestelle\""
                + " → \"Gekapert\"; links \"\" → \"https://evil.example\"");
        assertThat(p.publishedAt()).isEqualTo(T);
        assertThat(p.rawJson()).contains("\"revision\":4").contains("\"before\"").contains("\"after\"");
        assertThat(ProfileChanges.next(before, now, T).revision()).isEqualTo(4);
        assertThat(ProfileChanges.event(p)).satisfies(e -> {
            assertThat(e.post()).isEqualTo(p);
            assertThat(e.revision()).isEqualTo(4);
            assertThat(e.before()).isEqualTo(BEFORE);
            assertThat(e.after()).isEqualTo(now);
        });
    }
}
