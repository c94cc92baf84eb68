package de.wachposten.timing;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursDetectorTest {
    private final ChannelConfig channel = channel("sms", policy(false, ChannelStatus.ACTIVE, "Mon-Fri 07:00-19:00", "Sat 10:00-14:00"));

    private List<Finding> at(String instant) {
        Findings out = new Findings();
        Instant t = Instant.parse(instant);
        new HoursDetector().detect(post("sms", "1", "x", t), new DetectionContext(channel, t, List.of(), 1), out);
        return out.list();
    }

    @Test
    void theIncidentTweetAt0630OnFridayIsOutsideHours() {
        List<Finding> f = at("2016-01-08T05:30:00Z");
        assertThat(f).extracting(Finding::code).containsExactly(ReasonCode.OUTSIDE_HOURS);
        assertThat(f.get(0).detail()).isEqualTo("Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00, Sat 10:00-14:00");
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
    void saturdayHasItsOwnRangeAndSundayNone() {
        assertThat(at("2016-01-09T10:30:00Z")).isEmpty();
        assertThat(at("2016-01-10T10:30:00Z")).hasSize(1);
    }
}
