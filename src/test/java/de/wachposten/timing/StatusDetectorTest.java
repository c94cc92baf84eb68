package de.wachposten.timing;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Messages;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusDetectorTest {
    private List<Finding> run(ChannelStatus status, String instant) {
        return run(status, instant, "en");
    }

    private List<Finding> run(ChannelStatus status, String instant, String language) {
        Findings out = new Findings();
        Instant t = Instant.parse(instant);
        var ch = channel("c", policy(false, status));
        new StatusDetector().detect(new de.wachposten.detect.Event.Published(post("c", "1", "x", t)),
                new DetectionContext(ch, t, List.of(), Messages.of(language), ChannelHistory.EMPTY), out);
        return out.list();
    }

    @Test
    void explainsInGermanForAGermanOffice() {
        assertThat(run(ChannelStatus.DORMANT, "2016-01-08T09:00:00Z", "de").get(0).detail())
                .isEqualTo("Der Kanal ruht: hier wird kein Beitrag erwartet");
        assertThat(run(ChannelStatus.parse("until 2016-12-31"), "2017-01-02T09:00:00Z", "de").get(0).detail())
                .isEqualTo("Der Kanal lief bis 2016-12-31; Beitrag veröffentlicht am 2017-01-02");
    }

    @Test
    void anyPostOnADormantChannelIsFlagged() {
        assertThat(run(ChannelStatus.DORMANT, "2016-01-08T09:00:00Z")).extracting(Finding::code)
                .containsExactly(ReasonCode.DORMANT_CHANNEL);
    }

    @Test
    void aTimeLimitedChannelIsFlaggedOnlyAfterItsEndDateInLocalTime() {
        ChannelStatus until = ChannelStatus.parse("until 2016-12-31");
        assertThat(run(until, "2016-12-31T22:59:00Z")).isEmpty();
        List<Finding> after = run(until, "2016-12-31T23:00:00Z");
        assertThat(after).extracting(Finding::code).containsExactly(ReasonCode.DORMANT_CHANNEL);
        assertThat(after.get(0).detail()).isEqualTo("the channel ran until 2016-12-31; post published 2017-01-01");
    }

    @Test
    void activeChannelsAreNotFlagged() {
        assertThat(run(ChannelStatus.ACTIVE, "2016-01-08T09:00:00Z")).isEmpty();
    }
}
