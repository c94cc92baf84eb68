package de.wachposten.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Media;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.model.Post;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Mapping of X API v2 post objects written after the documented format (README, X ({@code twitter})). */
class TwitterMapperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T06:00:00Z"), ZoneOffset.UTC);
    private final TwitterMapper mapper = new TwitterMapper("sms-twitter", CLOCK);

    private Post map(String json) throws Exception {
        JsonNode node = new ObjectMapper().readTree(json);
        return mapper.toPost(node, "$.data[0]", "SMS_Sachsen");
    }

    @Test
    void linksAreExpandedAndEntitiesDecoded() throws Exception {
        Post p = map("""
                {"id":"1876912345678901234","text":"Kita &amp; Schule: Regeln &lt;neu&gt; https://t.co/AbCdEf1234",
                 "created_at":"2026-01-08T05:30:00.000Z","lang":"de",
                 "edit_history_tweet_ids":["1876912345678901234"],
                 "entities":{"urls":[{"start":39,"end":62,"url":"https://t.co/AbCdEf1234",
                   "expanded_url":"https://www.example.de/foerderung","display_url":"example.de/foerderung"}]}}""");

        assertThat(p.text()).isEqualTo("Kita & Schule: Regeln <neu> https://www.example.de/foerderung");
        assertThat(p.links()).containsExactly("https://www.example.de/foerderung");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(p.editedAt()).isNull();
        assertThat(p.client()).isNull();
        assertThat(p.language()).isEqualTo("de");
        assertThat(p.url()).isEqualTo("https://x.com/SMS_Sachsen/status/1876912345678901234");
        assertThat(p.seenAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void emojiCombiningCharactersAndRightToLeftTextStayAsTheyAre() throws Exception {
        String text = "Willkommen 👩🏽‍⚕️ Cafe\u0301 — مرحبا بكم في ساكسونيا";
        Post p = map("{\"id\":\"1\",\"text\":\"" + text + "\",\"created_at\":\"2026-01-08T05:30:00.000Z\"}");

        assertThat(p.text()).isEqualTo(text);
    }

    @Test
    void aPostWithOnlyMediaHasEmptyTextAndNoLinks() throws Exception {
        Post p = map("""
                {"id":"1876912345678901240","text":"https://t.co/Med1aLink","created_at":"2026-01-08T05:30:00.000Z",
                 "attachments":{"media_keys":["3_1876912345000000000"]},
                 "entities":{"urls":[{"start":0,"end":22,"url":"https://t.co/Med1aLink",
                   "expanded_url":"https://x.com/SMS_Sachsen/status/1876912345678901240/photo/1",
                   "display_url":"pic.x.com/Med1aLink","media_key":"3_1876912345000000000"}]}}""");

        assertThat(p.text()).isEmpty();
        assertThat(p.links()).isEmpty();
    }

    @Test
    void aTruncatedPostWithoutNoteTweetLosesTheReadMoreLinkButKeepsItsOwnLink() throws Exception {
        String head = "a".repeat(230);
        Post p = map("{\"id\":\"5\",\"text\":\"" + head + " https://t.co/x1… https://t.co/self\","
                + "\"created_at\":\"2026-01-08T05:30:00.000Z\",\"entities\":{\"urls\":["
                + "{\"url\":\"https://t.co/x1\",\"expanded_url\":\"https://www.sms.sachsen.de/\"},"
                + "{\"url\":\"https://t.co/self\",\"expanded_url\":\"https://twitter.com/i/web/status/5\"}]}}");

        assertThat(p.text()).isEqualTo(head + " https://www.sms.sachsen.de/…");
        assertThat(p.links()).containsExactly("https://www.sms.sachsen.de/");
    }

    @Test
    void aLongPostTakesTheFullTextAndLinksOfItsNoteTweet() throws Exception {
        String full = "b".repeat(300) + " https://t.co/long";
        Post p = map("{\"id\":\"6\",\"text\":\"" + "b".repeat(250) + "… https://t.co/self\","
                + "\"created_at\":\"2026-01-08T05:30:00.000Z\",\"note_tweet\":{\"text\":\"" + full + "\","
                + "\"entities\":{\"urls\":[{\"url\":\"https://t.co/long\",\"expanded_url\":\"https://example.de/lang\"}]}}}");

        assertThat(p.text()).isEqualTo("b".repeat(300) + " https://example.de/lang");
        assertThat(p.links()).containsExactly("https://example.de/lang");
    }

    @Test
    void anEditedVersionBelongsToTheOriginalIdAndKeepsTheOriginalsPublicationTime() throws Exception {
        Post p = map("""
                {"id":"1876912345678901235","text":"Neue Fassung","created_at":"2026-01-08T05:41:00.000Z",
                 "edit_history_tweet_ids":["1876912345678901234","1876912345678901235"]}""");

        assertThat(p.platformId()).isEqualTo("1876912345678901234");
        assertThat(p.editedAt()).isEqualTo(Instant.parse("2026-01-08T05:41:00Z"));
        long ms = (1876912345678901234L >> 22) + TwitterMapper.SNOWFLAKE_EPOCH_MS;
        assertThat(p.publishedAt()).isEqualTo(Instant.ofEpochMilli(ms));
    }

    @Test
    void theNewSpellingOfTheEditHistoryIsReadToo() throws Exception {
        Post p = map("""
                {"id":"20","text":"x","created_at":"2026-01-08T05:41:00.000Z","edit_history_post_ids":["10","20"]}""");

        assertThat(p.platformId()).isEqualTo("10");
        assertThat(p.editedAt()).isNotNull();
    }

    @Test
    void repliesQuotesAndRepostsKeepTheirReferencesInTheRawPayload() throws Exception {
        Post p = map("""
                {"id":"30","text":"RT @bmas: Heute &amp; morgen","created_at":"2026-01-08T05:30:00.000Z",
                 "referenced_tweets":[{"type":"retweeted","id":"29"}],"conversation_id":"29"}""");

        assertThat(p.text()).isEqualTo("RT @bmas: Heute & morgen");
        assertThat(p.rawJson()).contains("\"retweeted\"");
    }

    @Test
    void missingOptionalFieldsAreNullOrEmptyAndUndeterminedLanguageIsNull() throws Exception {
        Post p = map("{\"id\":\"40\",\"text\":\"ok\",\"created_at\":\"2026-01-08T05:30:00.000Z\",\"lang\":\"und\"}");

        assertThat(p.language()).isNull();
        assertThat(p.links()).isEmpty();
        assertThat(p.editedAt()).isNull();
    }

    @Test
    void aMissingCreationTimeNamesTheFieldToRequest() {
        assertThatThrownBy(() -> map("{\"id\":\"50\",\"text\":\"ok\"}"))
                .isInstanceOf(TwitterMapper.ShapeException.class)
                .hasMessage("$.data[0].created_at: expected an RFC 3339 time (request tweet.fields=created_at)");
    }

    @Test
    void referencedPostsSetReplyQuoteAndRepostAndMediaComeFromIncludes() throws Exception {
        JsonNode includes = new ObjectMapper().readTree("""
                [{"media_key":"3_1","type":"photo","url":"https://pbs.twimg.com/media/a.jpg","alt_text":"Karte"},
                 {"media_key":"7_2","type":"video","preview_image_url":"https://pbs.twimg.com/v/b.jpg"}]""");
        JsonNode tweet = new ObjectMapper().readTree("""
                {"id":"1876912345678901250","text":"Antwort mit Zitat","created_at":"2026-01-08T05:30:00.000Z",
                 "referenced_tweets":[{"type":"replied_to","id":"1"},{"type":"quoted","id":"2"}],
                 "attachments":{"media_keys":["3_1","7_2","16_9"]}}""");

        Post p = mapper.toPost(tweet, "$.data[0]", "SMS_Sachsen", includes);

        assertThat(p.reply()).isTrue();
        assertThat(p.quote()).isTrue();
        assertThat(p.repost()).isFalse();
        assertThat(p.media()).containsExactly(new Media("image", "https://pbs.twimg.com/media/a.jpg", "Karte"),
                new Media("video", "https://pbs.twimg.com/v/b.jpg", null), new Media("other", null, null));
    }

    @Test
    void aRetweetIsARepost() throws Exception {
        Post p = map("""
                {"id":"1876912345678901251","text":"RT @lds_sachsen: Hinweis","created_at":"2026-01-08T05:30:00.000Z",
                 "referenced_tweets":[{"type":"retweeted","id":"3"}]}""");

        assertThat(p.repost()).isTrue();
        assertThat(p.reply() || p.quote()).isFalse();
        assertThat(p.media()).isEmpty();
    }
}
