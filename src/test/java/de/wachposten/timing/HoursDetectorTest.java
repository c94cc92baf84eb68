package de.wachposten.timing;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.ClosedDay;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursDetectorTest {
    private static final HoursDetector DETECTOR = new HoursDetector(new Holidays());
    private static final ChannelConfig SMS = channel("sms", policy("Europe/Berlin", null, List.of(),
            "Mon-Fri 07:00-19:00", "Sat 10:00-14:00"));
    private static final ChannelConfig SAXONY = channel("sn", policy("Europe/Berlin", "DE-SN",
            List.of("12-24", "12-31", "2026-12-28"), "Mon-Fri 07:00-19:00"));

    static Policy policy(String zone, String holidays, List<String> closed, String... hours) {
        return new Policy(false, Arrays.stream(hours).map(HoursRange::parse).toList(), ZoneId.of(zone), holidays,
                ChannelStatus.ACTIVE, List.of(), closed.stream().map(ClosedDay::parse).toList(), BehaviourSettings.DEFAULTS);
    }

    private static List<Finding> at(ChannelConfig channel, String instant, String language) {
        Findings out = new Findings();
        Instant t = Instant.parse(instant);
        DETECTOR.detect(new de.wachposten.detect.Event.Published(post(channel.id(), "1", "x", t)),
                new DetectionContext(channel, t, List.of(), Messages.of(language), ChannelHistory.EMPTY), out);
        return out.list();
    }

    private static List<Finding> at(String instant) {
        return at(SMS, instant, "en");
    }

    private static String detail(ChannelConfig channel, String instant, String language) {
        List<Finding> f = at(channel, instant, language);
        assertThat(f).extracting(Finding::code).containsExactly(ReasonCode.OUTSIDE_HOURS);
        return f.get(0).detail();
    }

    @Test
    void theIncidentTweetAt0630OnFridayIsOutsideHoursInEnglish() {
        assertThat(detail(SMS, "2016-01-08T05:30:00Z", "en"))
                .isEqualTo("Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00, Sat 10:00-14:00");
    }

    @Test
    void theIncidentTweetIsExplainedInGermanForAGermanOffice() {
        assertThat(detail(SMS, "2016-01-08T05:30:00Z", "de")).isEqualTo(
                "Veröffentlicht Freitag 08.01.2016 06:30 (Europe/Berlin), erlaubt Mo–Fr 07:00–19:00, Sa 10:00–14:00");
    }

    @Test
    void aPostAt1000OnFridayIsInsideHours() {
        assertThat(at("2016-01-08T09:00:00Z")).isEmpty();
    }

    @Test
    void theStartIsInclusiveAndTheEndExclusive() {
        assertThat(at("2016-01-08T06:00:00Z")).isEmpty();
        assertThat(at("2016-01-08T18:00:00Z")).hasSize(1);
    }

    @Test
    void summerTimeIsReadInTheChannelsZone() {
        // 05:30 UTC on a July Friday is 07:30 in Berlin (UTC+2)
        assertThat(at("2016-07-08T05:30:00Z")).isEmpty();
        // clocks went forward on Sunday 27 March 2016: 05:00 UTC is 06:00 local on the Friday before, 07:00 on the Monday after
        assertThat(at("2016-03-25T05:00:00Z")).hasSize(1);
        assertThat(at("2016-03-28T05:00:00Z")).isEmpty();
        assertThat(at("2016-03-28T04:59:00Z")).hasSize(1);
    }

    @Test
    void a0630PostOnTheDaysTheClocksChangeIsOutsideHoursAnd0700IsInside() {
        ChannelConfig daily = channel("daily", policy("Europe/Berlin", null, List.of(), "Mon-Sun 07:00-19:00"));
        // 27 March 2016 and 29 March 2026: clocks forward at 02:00, so 06:30 local is 04:30 UTC
        assertThat(detail(daily, "2016-03-27T04:30:00Z", "en")).startsWith("Sun 06:30 Europe/Berlin");
        assertThat(at(daily, "2016-03-27T05:00:00Z", "en")).isEmpty();
        assertThat(detail(daily, "2026-03-29T04:30:00Z", "en")).startsWith("Sun 06:30 Europe/Berlin");
        assertThat(at(daily, "2026-03-29T05:00:00Z", "en")).isEmpty();
        // 30 October 2016 and 25 October 2026: clocks back at 03:00, so 06:30 local is 05:30 UTC
        assertThat(detail(daily, "2016-10-30T05:30:00Z", "en")).startsWith("Sun 06:30 Europe/Berlin");
        assertThat(at(daily, "2016-10-30T06:00:00Z", "en")).isEmpty();
        assertThat(detail(daily, "2026-10-25T05:30:00Z", "en")).startsWith("Sun 06:30 Europe/Berlin");
        assertThat(at(daily, "2026-10-25T06:00:00Z", "en")).isEmpty();
    }

    @Test
    void saturdayHasItsOwnRangeAndSundayNone() {
        assertThat(at("2016-01-09T10:30:00Z")).isEmpty();
        assertThat(detail(SMS, "2016-01-10T10:30:00Z", "en")).startsWith("Sun 11:30");
    }

    @Test
    void aChannelInAnotherZoneIsReadInItsOwnZone() {
        ChannelConfig ny = channel("ny", policy("America/New_York", null, List.of(), "Mon-Fri 09:00-17:00"));
        assertThat(at(ny, "2016-01-08T14:30:00Z", "en")).isEmpty();
        assertThat(detail(ny, "2016-01-08T13:30:00Z", "en"))
                .isEqualTo("Fri 08:30 America/New_York; allowed Mon-Fri 09:00-17:00");
    }

    @Test
    void aPostOnNewYearsDayIsOutsideHoursAndNamesTheHoliday() {
        assertThat(detail(SAXONY, "2016-01-01T05:30:00Z", "en"))
                .isEqualTo("Fri 06:30 Europe/Berlin on a public holiday (New Year's Day); allowed Mon-Fri 07:00-19:00");
        assertThat(detail(SAXONY, "2016-01-01T09:00:00Z", "de")).isEqualTo(
                "Veröffentlicht Freitag 01.01.2016 10:00 (Europe/Berlin) an einem Feiertag (Neujahr), erlaubt Mo–Fr 07:00–19:00");
    }

    @Test
    void saxonHolidaysOf2016IncludeReformationDayAndRepentanceDay() {
        assertThat(detail(SAXONY, "2016-10-31T09:00:00Z", "de")).contains("Feiertag (Reformationstag)");
        assertThat(detail(SAXONY, "2016-11-16T09:00:00Z", "de")).contains("Feiertag (Buß- und Bettag)");
        assertThat(detail(SAXONY, "2016-03-25T09:00:00Z", "de")).contains("Feiertag (Karfreitag)");
        assertThat(detail(SAXONY, "2016-05-05T08:00:00Z", "de")).contains("Feiertag (Christi Himmelfahrt)");
        assertThat(at(SAXONY, "2016-11-15T09:00:00Z", "de")).isEmpty();
        assertThat(at(SAXONY, "2016-11-17T09:00:00Z", "de")).isEmpty();
    }

    @Test
    void saxonHolidaysOf2026FallOnTheirOwnDates() {
        assertThat(detail(SAXONY, "2026-11-18T09:00:00Z", "de")).contains("Feiertag (Buß- und Bettag)");
        assertThat(detail(SAXONY, "2026-04-06T08:00:00Z", "de")).contains("Feiertag (Ostermontag)");
        assertThat(detail(SAXONY, "2026-05-14T08:00:00Z", "de")).contains("Feiertag (Christi Himmelfahrt)");
        assertThat(detail(SAXONY, "2026-10-31T09:00:00Z", "de")).contains("Feiertag (Reformationstag)");
        assertThat(at(SAXONY, "2026-11-19T09:00:00Z", "de")).isEmpty();
    }

    @Test
    void otherStatesKeepTheirOwnHolidays() {
        ChannelConfig bavaria = channel("by", policy("Europe/Berlin", "DE-BY", List.of(), "Mon-Fri 07:00-19:00"));
        assertThat(at(bavaria, "2016-11-16T09:00:00Z", "de")).isEmpty();
        assertThat(detail(bavaria, "2016-01-06T09:00:00Z", "de")).contains("Feiertag (Heilige Drei Könige)");
    }

    @Test
    void closedDaysAreOutsideHoursEveryYearOrOnce() {
        assertThat(detail(SAXONY, "2026-12-24T09:00:00Z", "en"))
                .isEqualTo("Thu 10:00 Europe/Berlin on a closed day (12-24); allowed Mon-Fri 07:00-19:00");
        assertThat(detail(SAXONY, "2016-12-30T23:30:00Z", "de")).contains("an einem Schließtag (12-31)");
        assertThat(detail(SAXONY, "2026-12-28T09:00:00Z", "en")).contains("on a closed day (2026-12-28)");
        assertThat(at(SAXONY, "2027-12-28T09:00:00Z", "en")).isEmpty();
    }
}
