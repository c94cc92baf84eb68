package de.wachposten.behaviour;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * How one kind of official channel posts: on which days, how often, around which hour, with which tools, languages,
 * link domains and mentions. The evaluation generates realistic timelines from it.
 *
 * @param id            channel id
 * @param zone          the channel's zone
 * @param holidays      holiday region it does not post on, or null
 * @param hours         the policy's posting hours
 * @param days          days it posts on
 * @param perDay        posts per posting day, min and max
 * @param meanHour      mean local hour of a post
 * @param sdHour        spread of the hour
 * @param earliest      earliest regular hour
 * @param latest        hour before which regular posts end
 * @param clients       clients with weights (a client repeated counts more)
 * @param languages     languages with weights
 * @param domains       link domains, most used first (Zipf-like)
 * @param linkShare     share of posts with a link
 * @param mentions      accounts it mentions, most used first
 * @param mentionShare  share of posts with a mention
 * @param liveShare     share of days with a live series (several posts within minutes, e.g. an event)
 */
record ChannelKind(String id, ZoneId zone, String holidays, List<String> hours, Set<DayOfWeek> days, int[] perDay,
                   double meanHour, double sdHour, int earliest, int latest, List<String> clients,
                   List<String> languages, List<String> domains, double linkShare, List<String> mentions,
                   double mentionShare, double liveShare) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** A ministry press office: weekdays in office hours, a social-media suite, German, links to its own sites. */
    static ChannelKind ministry() {
        return new ChannelKind("sms-twitter", BERLIN, "DE-SN", List.of("Mon-Fri 07:00-19:00"), WEEKDAYS,
                new int[] {1, 4}, 12, 2.6, 8, 18, List.of("Hootsuite", "Hootsuite", "Hootsuite", "Twitter Web App"),
                List.of("de", "de", "de", "de", "de", "de", "de", "de", "de", "en"),
                List.of("sms.sachsen.de", "medienservice.sachsen.de", "sachsen.de", "gesunde.sachsen.de",
                        "mdr.de", "lvz.de", "bundesgesundheitsministerium.de"), 0.6,
                List.of("@sachsen", "@mdr_sachsen", "@BMG_Bund", "@DRK_Sachsen", "@LVZ"), 0.15, 0.01);
    }

    /** A police account: every day, early to late, desktop tool plus phones, German. */
    static ChannelKind police() {
        return new ChannelKind("polizei-sachsen", BERLIN, null, List.of("Mon-Sun 06:00-23:00"),
                Set.of(DayOfWeek.values()), new int[] {3, 8}, 13, 3.5, 6, 22,
                List.of("TweetDeck", "TweetDeck", "TweetDeck", "Twitter for iPhone"),
                List.of("de", "de", "de", "de", "de", "de", "de", "de", "de", "de", "de", "de", "de", "de", "en"),
                List.of("polizei.sachsen.de", "sachsen.de", "polizei-beratung.de", "mdr.de"), 0.35,
                List.of("@Polizei_Ffm", "@PolizeiBerlin", "@bpol_11", "@DresdenStadt"), 0.1, 0.03);
    }

    /** A museum: Tuesday to Sunday, late morning to evening, a scheduler and the app, German and English. */
    static ChannelKind museum() {
        return new ChannelKind("skd-museum", BERLIN, null, List.of("Tue-Sun 09:00-20:00"),
                Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
                        DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), new int[] {0, 2}, 14, 2.0, 10, 19,
                List.of("Buffer", "Buffer", "Instagram"), List.of("de", "de", "en"),
                List.of("skd.museum", "instagram.com", "dresden.de"), 0.5,
                List.of("@skd_museum", "@dresden_info"), 0.2, 0.0);
    }

    /** A time-limited campaign page: Monday to Saturday into the evening, live series at events, a business suite. */
    static ChannelKind campaign() {
        return new ChannelKind("so-geht-saechsisch", BERLIN, null, List.of("Mon-Sat 08:00-22:00"),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), new int[] {2, 5}, 15, 3.0, 9, 21,
                List.of("Meta Business Suite", "Meta Business Suite", "Hootsuite"),
                List.of("de", "de", "de", "de", "en"),
                List.of("so-geht-saechsisch.de", "sachsen.de", "youtube.com"), 0.7,
                List.of("@sachsen", "@visitsaxony"), 0.3, 0.08);
    }

    static List<ChannelKind> all() {
        return List.of(ministry(), police(), museum(), campaign());
    }
}
