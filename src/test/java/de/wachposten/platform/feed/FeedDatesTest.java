package de.wachposten.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RSS (RFC 822) and Atom (RFC 3339) dates as feeds write them. */
class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 08 Jan 2016 06:30:00 +0100|2016-01-08T05:30:00Z",
        "Fri, 8 Jan 2016 05:30:00 GMT|2016-01-08T05:30:00Z",
        "08 Jan 2016 05:30 UT|2016-01-08T05:30:00Z",
        "Fri, 08 Jan 16 00:30:00 EST|2016-01-08T05:30:00Z",
        "fri, 08 JAN 2016 06:30:00 CET|2016-01-08T05:30:00Z",
        "2016-01-08T06:30:00+01:00|2016-01-08T05:30:00Z",
        "2016-01-08T05:30:00Z|2016-01-08T05:30:00Z",
        "2016-01-08T05:30:00.123456Z|2016-01-08T05:30:00.123456Z",
        "2015-03-06T21:40:57+00:00|2015-03-06T21:40:57Z",
        "Fr, 08 Jan 2016 06:30:00 +0100|2016-01-08T05:30:00Z",
        "Di, 08 Mär 2016 06:30:00 MEZ|2016-03-08T05:30:00Z",
        "Mittwoch, 9 März 2016 6:30 +0100|2016-03-09T05:30:00Z",
        "Do., 06 Okt. 2016 07:30:00 MESZ|2016-10-06T05:30:00Z",
        "24 Dez 2015 18:00:00 +01:00|2015-12-24T17:00:00Z",
        "Mo, 01 Mai 2017 10:00:00 CEST|2017-05-01T08:00:00Z",
        "Sun, 08 Jan 2016 05:30:00 GMT|2016-01-08T05:30:00Z",
        "06 Sept 2016 05:30:00 GMT|2016-09-06T05:30:00Z",
        "2016-01-08 06:30:00+0100|2016-01-08T05:30:00Z",
        "2016-01-08T05:30:00|2016-01-08T05:30:00Z"})
    void readsTheFormatsFeedsUse(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "gestern", "32 Jan 2016 05:30:00 GMT", "2016-13-01T00:00:00Z"})
    void unreadableDatesAreNull(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }
}
