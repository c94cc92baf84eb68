package de.wachposten.behaviour;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.testkit.TestChannels;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Channels, posts and a learned weekday history for the behaviour tests. */
final class ProfileFixtures {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 5 January 2026, 00:00 UTC. */
    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

    private ProfileFixtures() {
    }

    static ChannelConfig channel(List<String> clients, BehaviourSettings behaviour) {
        Policy p = new Policy(false, List.of(HoursRange.parse("Mon-Fri 07:00-19:00")), BERLIN, "DE-SN",
                ChannelStatus.ACTIVE, clients, List.of(), behaviour);
        return TestChannels.channel("sms", p);
    }

    static Post post(String id, Instant at, String client, String language, List<String> links, String text) {
        return new Post("sms", "twitter", id, null, "SMS_Sachsen", text, at, null, client, language, links,
                at.plusSeconds(20), "{}");
    }

    /**
     * A ministry's history of {@code n} posts: weekdays 10:00 and 14:00 Berlin time, Hootsuite, German, links to
     * sachsen.de, now and then a mention of @sachsen.
     */
    static Profile weekdayHistory(int n) {
        Profile p = new Profile(BERLIN, Duration.ofMinutes(10));
        Instant day = MONDAY;
        int made = 0;
        while (made < n) {
            if (day.atZone(BERLIN).getDayOfWeek().getValue() <= 5) {
                for (int hour : new int[] {9, 13}) {
                    if (made < n) {
                        String text = made % 5 == 0 ? "Neues von @sachsen" : "Pressemitteilung " + made;
                        p.learn(post("h" + made, day.plus(Duration.ofHours(hour)), "Hootsuite", "de",
                                List.of("https://www.sachsen.de/pm/" + made), text));
                        made++;
                    }
                }
            }
            day = day.plus(Duration.ofDays(1));
        }
        return p;
    }

    static List<Finding> run(Detector d, ChannelConfig channel, ChannelHistory h, Post post, String language) {
        Findings out = new Findings();
        d.detect(new de.wachposten.detect.Event.Published(post),
                new DetectionContext(channel, post.seenAt(), List.of(), Messages.of(language), h), out);
        return out.list();
    }
}
