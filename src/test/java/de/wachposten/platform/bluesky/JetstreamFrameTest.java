package de.wachposten.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Jetstream frames: parsing and which of them wake the poller. */
class JetstreamFrameTest {
    private static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    private static final String CREATE = """
            {"did":"did:plc:ewvi7nxzyoun6zhxrhs64oiz","time_us":1767850200123456,"kind":"commit","commit":{"rev":\
            "3lfkzq2abce2y","operation":"create","collection":"app.bsky.feed.post","rkey":"3lfkzq2abcd2x","record":\
            {"$type":"app.bsky.feed.post","text":"Neue Förderrichtlinie","createdAt":"2026-01-08T05:30:00.000Z",\
            "langs":["de"]},"cid":"bafyreib2rxk3"}}""";
    private static final String DELETE = """
            {"did":"did:plc:ewvi7nxzyoun6zhxrhs64oiz","time_us":1767850800000000,"kind":"commit","commit":{"rev":\
            "3lfkzr7aaaa2y","operation":"delete","collection":"app.bsky.feed.post","rkey":"3lfkzq2abcd2x"}}""";

    @Test
    void readsACreateCommitWithoutLookingAtTheRecord() throws Exception {
        JetstreamFrame f = JetstreamFrame.parse(CREATE);

        assertThat(f).isEqualTo(new JetstreamFrame(DID, 1767850200123456L, "commit", "create",
                "app.bsky.feed.post"));
        assertThat(f.wakes(DID)).isTrue();
    }

    @Test
    void createUpdateAndDeleteOfAPostOfTheChannelWakeThePoller() throws Exception {
        assertThat(JetstreamFrame.parse(DELETE).wakes(DID)).isTrue();
        assertThat(JetstreamFrame.parse(CREATE.replace("\"create\"", "\"update\"")).wakes(DID)).isTrue();
    }

    @Test
    void framesOfAnotherDidDoNotWakeThePoller() throws Exception {
        assertThat(JetstreamFrame.parse(CREATE).wakes("did:plc:someoneelse")).isFalse();
        assertThat(JetstreamFrame.parse(CREATE.replace(DID, "did:plc:someoneelse")).wakes(DID)).isFalse();
    }

    @Test
    void commitsToOtherCollectionsDoNotWakeThePoller() throws Exception {
        assertThat(JetstreamFrame.parse(CREATE.replace("app.bsky.feed.post\",\"rkey", "app.bsky.feed.like\",\"rkey"))
                .wakes(DID)).isFalse();
    }

    @Test
    void identityAndAccountEventsOfTheChannelWakeThePoller() throws Exception {
        String identity = "{\"did\":\"" + DID + "\",\"time_us\":1767850900000000,\"kind\":\"identity\",\"identity\":"
                + "{\"did\":\"" + DID + "\",\"handle\":\"presse.example.de\",\"seq\":1,"
                + "\"time\":\"2026-01-08T05:41:40Z\"}}";
        String account = "{\"did\":\"" + DID + "\",\"time_us\":1767850900000001,\"kind\":\"account\",\"account\":"
                + "{\"active\":false,\"did\":\"" + DID + "\",\"seq\":2,\"time\":\"2026-01-08T05:41:40Z\"}}";

        assertThat(JetstreamFrame.parse(identity).wakes(DID)).isTrue();
        assertThat(JetstreamFrame.parse(account).wakes(DID)).isTrue();
        assertThat(JetstreamFrame.parse(account).timeUs()).isEqualTo(1767850900000001L);
    }

    @Test
    void unknownKindsAreReadButDoNotWakeThePoller() throws Exception {
        JetstreamFrame f = JetstreamFrame.parse("{\"did\":\"" + DID + "\",\"time_us\":5,\"kind\":\"sync\"}");

        assertThat(f.kind()).isEqualTo("sync");
        assertThat(f.wakes(DID)).isFalse();
    }

    @Test
    void rejectsFramesThatAreNoJetstreamEventsNamingWhatIsWrong() {
        assertThatThrownBy(() -> JetstreamFrame.parse("{\"did\": <p>")).hasMessage("not JSON");
        assertThatThrownBy(() -> JetstreamFrame.parse("[1, 2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> JetstreamFrame.parse(CREATE.replace(DID, "plc:x")))
                .hasMessage("$.did: expected a DID");
        assertThatThrownBy(() -> JetstreamFrame.parse(CREATE.replace("1767850200123456", "\"soon\"")))
                .hasMessage("$.time_us: expected microseconds");
        assertThatThrownBy(() -> JetstreamFrame.parse(CREATE.replace("\"kind\":\"commit\"", "\"kind\":7")))
                .hasMessage("$.kind: expected text");
        assertThatThrownBy(() -> JetstreamFrame.parse(DELETE.replace("\"operation\":\"delete\",", "")))
                .hasMessage("$.commit: expected operation and collection");
    }
}
