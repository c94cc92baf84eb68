package de.wachposten.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Media;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.model.Post;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Mapping of AppView post views written after the documented format (README, Bluesky). */
class BlueskyMapperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T06:00:00Z"), ZoneOffset.UTC);
    private final BlueskyMapper mapper = new BlueskyMapper("sms-bluesky", CLOCK, Duration.ofMinutes(5));

    private Post map(String json) throws Exception {
        return mapper.toPost(new ObjectMapper().readTree(json), "$.feed[0].post", null);
    }

    private static String view(String record, String indexedAt) {
        return "{\"uri\":\"at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lfkzq2abcd2x\","
                + "\"cid\":\"bafyreib2rxk3rh6kzwq4h3v5p7bqsvhxoupfq7mbmrjtyrdgjtwnjzgcye\","
                + "\"author\":{\"did\":\"did:plc:ewvi7nxzyoun6zhxrhs64oiz\",\"handle\":\"presse.example.de\"},"
                + "\"record\":" + record + ",\"indexedAt\":\"" + indexedAt + "\"}";
    }

    @Test
    void theDocumentedSampleMapsWithItsFacetLinkExpanded() throws Exception {
        Post p = map(view("""
                {"$type":"app.bsky.feed.post","text":"Neue Förderrichtlinie: example.de/foerderung",
                 "createdAt":"2026-01-08T05:30:00.000Z","langs":["de"],
                 "facets":[{"index":{"byteStart":24,"byteEnd":45},"features":[
                   {"$type":"app.bsky.richtext.facet#link","uri":"https://www.example.de/foerderung"}]}]}""",
                "2026-01-08T05:30:01.214Z"));

        assertThat(p.text()).isEqualTo("Neue Förderrichtlinie: https://www.example.de/foerderung");
        assertThat(p.links()).containsExactly("https://www.example.de/foerderung");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(p.platformId()).isEqualTo("at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lfkzq2abcd2x");
        assertThat(p.url()).isEqualTo("https://bsky.app/profile/presse.example.de/post/3lfkzq2abcd2x");
        assertThat(p.author()).isEqualTo("presse.example.de");
        assertThat(p.language()).isEqualTo("de");
        assertThat(p.client()).isNull();
        assertThat(p.editedAt()).isNull();
    }

    @Test
    void facetByteRangesCountUtf8BytesAcrossEmojiCombiningAndRightToLeftText() throws Exception {
        String before = "👩🏽‍⚕️ Cafe\u0301 مرحبا ";
        int start = before.getBytes(StandardCharsets.UTF_8).length;
        int end = start + "sms.de/x".length();
        Post p = map(view("{\"text\":\"" + before + "sms.de/x !\",\"createdAt\":\"2026-01-08T05:30:00Z\","
                + "\"facets\":[{\"index\":{\"byteStart\":" + start + ",\"byteEnd\":" + end + "},\"features\":["
                + "{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://www.sms.de/x\"}]}]}",
                "2026-01-08T05:30:01Z"));

        assertThat(p.text()).isEqualTo(before + "https://www.sms.de/x !");
    }

    @Test
    void aFacetOutsideTheTextIsIgnoredButItsLinkKept() throws Exception {
        Post p = map(view("{\"text\":\"kurz\",\"createdAt\":\"2026-01-08T05:30:00Z\",\"facets\":[{\"index\":"
                + "{\"byteStart\":2,\"byteEnd\":99},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\","
                + "\"uri\":\"https://example.de\"}]}]}", "2026-01-08T05:30:01Z"));

        assertThat(p.text()).isEqualTo("kurz");
        assertThat(p.links()).containsExactly("https://example.de");
    }

    @Test
    void aMediaOnlyPostHasEmptyTextAndItsLinkCardCountsAsALink() throws Exception {
        Post p = map(view("{\"text\":\"\",\"createdAt\":\"2026-01-08T05:30:00Z\",\"embed\":{\"$type\":"
                + "\"app.bsky.embed.external\",\"external\":{\"uri\":\"https://www.sachsen.de\",\"title\":\"S\"}}}",
                "2026-01-08T05:30:01Z"));

        assertThat(p.text()).isEmpty();
        assertThat(p.links()).containsExactly("https://www.sachsen.de");
        assertThat(p.language()).isNull();
    }

    @Test
    void aCreationTimeFarFromTheIndexingTimeGivesWayToTheIndexingTime() throws Exception {
        Post future = map(view("{\"text\":\"x\",\"createdAt\":\"2030-01-01T00:00:00Z\"}", "2026-01-08T05:30:01Z"));
        Post slightlyOff = map(view("{\"text\":\"x\",\"createdAt\":\"2026-01-08T05:27:00Z\"}", "2026-01-08T05:30:01Z"));

        assertThat(future.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:01Z"));
        assertThat(slightlyOff.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:27:00Z"));
    }

    @Test
    void aRecordWithoutCreationTimeIsNamedByItsPath() {
        assertThatThrownBy(() -> map(view("{\"text\":\"x\"}", "2026-01-08T05:30:01Z")))
                .isInstanceOf(BlueskyMapper.ShapeException.class)
                .hasMessage("$.feed[0].post.record.createdAt: expected text");
    }

    @Test
    void aReplyQuotingAPostWithImagesCarriesFlagsAndFullsizeImages() throws Exception {
        String record = """
                {"$type":"app.bsky.feed.post","text":"Siehe dazu","createdAt":"2026-01-08T05:30:00.000Z",
                 "reply":{"root":{"uri":"at://x/app.bsky.feed.post/1","cid":"c"},"parent":{"uri":"at://x/app.bsky.feed.post/1","cid":"c"}},
                 "embed":{"$type":"app.bsky.embed.recordWithMedia","record":{"record":{"uri":"at://y/app.bsky.feed.post/2"}},
                   "media":{"$type":"app.bsky.embed.images","images":[{"alt":"Grafik","image":{"$type":"blob"}}]}}}""";
        String plain = view(record, "2026-01-08T05:30:01.000Z");
        String json = plain.substring(0, plain.length() - 1) + """
                ,"embed":{"$type":"app.bsky.embed.recordWithMedia#view","record":{},
                 "media":{"$type":"app.bsky.embed.images#view","images":[{"fullsize":"https://cdn.bsky.app/img/full.jpg",
                   "thumb":"https://cdn.bsky.app/img/thumb.jpg","alt":"Grafik"}]}}}""";

        Post p = map(json);

        assertThat(p.reply()).isTrue();
        assertThat(p.quote()).isTrue();
        assertThat(p.repost()).isFalse();
        assertThat(p.media()).containsExactly(new Media("image", "https://cdn.bsky.app/img/full.jpg", "Grafik"));
    }

    @Test
    void aVideoInTheRecordOnlyCountsAsVideoWithoutUrl() throws Exception {
        Post p = map(view("""
                {"$type":"app.bsky.feed.post","text":"","createdAt":"2026-01-08T05:30:00.000Z",
                 "embed":{"$type":"app.bsky.embed.video","video":{"$type":"blob"},"alt":"Rede"}}""",
                "2026-01-08T05:30:01.000Z"));

        assertThat(p.reply() || p.quote() || p.repost()).isFalse();
        assertThat(p.media()).containsExactly(new Media("video", null, "Rede"));
    }
}
