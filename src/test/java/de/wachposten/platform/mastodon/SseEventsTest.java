package de.wachposten.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    @Test
    void eventsSplitAcrossChunksAreJoinedAndHeartbeatsSkipped() {
        SseEvents sse = new SseEvents();

        List<SseEvents.Event> first = sse.feed(":)\n:thump\n\nevent: update\r\ndata: {\"id\":");
        List<SseEvents.Event> second = sse.feed("\"1\"}\r\n\r\nevent: delete\ndata: 1\n\nevent: update\n");

        assertThat(first).isEmpty();
        assertThat(second).containsExactly(new SseEvents.Event("update", "{\"id\":\"1\"}"),
                new SseEvents.Event("delete", "1"));
    }

    @Test
    void onlyStatusEventsOfTheChannelsAccountAndDeletionsWake() {
        MastodonStream stream = new MastodonStream(null, "sms-mastodon", "http://127.0.0.1:1", "t", "SMS");

        assertThat(stream.concernsChannel(new SseEvents.Event("update", "{\"account\":{\"acct\":\"sms\"}}"))).isTrue();
        assertThat(stream.concernsChannel(new SseEvents.Event("status.update", "{\"account\":{\"acct\":\"other\"}}")))
                .isFalse();
        assertThat(stream.concernsChannel(new SseEvents.Event("notification", "{}"))).isFalse();
        assertThat(stream.concernsChannel(new SseEvents.Event("delete", "115100000000000003"))).isTrue();
    }
}
