package de.wachposten.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportTimesTest {
    private final ReportTimes berlin = new ReportTimes(ZoneId.of("Europe/Berlin"));

    @Test
    void writesTheChannelsZoneWithUtcBeside() {
        assertThat(berlin.full(Instant.parse("2016-01-08T05:30:00Z"))).isEqualTo("Fri 2016-01-08 06:30:00 CET (05:30:00 UTC)");
        assertThat(berlin.full(Instant.parse("2016-07-08T05:30:00Z"))).isEqualTo("Fri 2016-07-08 07:30:00 CEST (05:30:00 UTC)");
        assertThat(berlin.full(null)).isEqualTo("—");
    }

    @Test
    void writesDurationsTheWayAReviewerReadsThem() {
        assertThat(ReportTimes.duration(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(ReportTimes.duration(Duration.ofSeconds(3))).isEqualTo("3 s");
        assertThat(ReportTimes.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ReportTimes.duration(Duration.ofSeconds(22 * 60 + 1))).isEqualTo("22 min 1 s");
        assertThat(ReportTimes.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(ReportTimes.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
        assertThat(ReportTimes.duration(Duration.ofSeconds(-5))).isEqualTo("-5 s");
        assertThat(ReportTimes.duration(null)).isEqualTo("—");
    }
}
