package de.wachposten.platform.mastodon;

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

class MastodonStatusMapperTest {
    private static final Instant NOW = Instant.parse("2026-01-08T06:00:00Z");
    private final MastodonStatusMapper mapper = new MastodonStatusMapper("sms-mastodon", Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s.replace('\'', '"'));
    }

    private static String status(String extra) {
        return "{'id':'115100000000000003','created_at':'2026-01-08T05:30:00.000Z','edited_at':null,"
                + "'spoiler_text':'','language':'de','uri':'https://social.example/users/presse/statuses/1',"
                + "'url':'https://social.example/@presse/1','content':'<p>Hallo <a href=https://example.de>x</a></p>',"
                + "'account':{'id':'109','acct':'presse'}" + extra + "}";
    }

    @Test
    void statusFieldsMapToThePost() throws Exception {
        JsonNode node = json(status(",'application':{'name':'Web','website':null},'edited_at':'2026-01-08T05:41:12.118Z'"));

        Post post = mapper.toPost(node, "$[0]");

        assertThat(post.channelId()).isEqualTo("sms-mastodon");
        assertThat(post.platform()).isEqualTo("mastodon");
        assertThat(post.platformId()).isEqualTo("115100000000000003");
        assertThat(post.url()).isEqualTo("https://social.example/@presse/1");
        assertThat(post.author()).isEqualTo("presse");
        assertThat(post.text()).isEqualTo("Hallo x");
        assertThat(post.links()).containsExactly("https://example.de");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(post.editedAt()).isEqualTo(Instant.parse("2026-01-08T05:41:12.118Z"));
        assertThat(post.client()).isEqualTo("Web");
        assertThat(post.language()).isEqualTo("de");
        assertThat(post.seenAt()).isEqualTo(NOW);
        assertThat(json(post.rawJson())).isEqualTo(node);
    }

    @Test
    void missingApplicationGivesNoClient() throws Exception {
        assertThat(mapper.toPost(json(status("")), "$[0]").client()).isNull();
    }

    @Test
    void contentWarningIsPrependedToTheText() throws Exception {
        Post post = mapper.toPost(json(status(",'spoiler_text':'Unwetter'")), "$[0]");

        assertThat(post.text()).isEqualTo("CW: Unwetter\nHallo x");
    }

    @Test
    void missingUrlFallsBackToTheUri() throws Exception {
        Post post = mapper.toPost(json(status(",'url':null")), "$[0]");

        assertThat(post.url()).isEqualTo("https://social.example/users/presse/statuses/1");
    }

    @Test
    void boostIsTextedAsRetweetOfTheOriginal() throws Exception {
        String reblog = ",'content':'','reblog':{'id':'9','created_at':'2026-01-07T10:00:00.000Z','content':"
                + "'<p>Original &amp; mehr</p>','account':{'id':'7','acct':'polizei@other.example'},'language':'en'}";

        Post post = mapper.toPost(json(status(reblog)), "$[0]");

        assertThat(post.text()).isEqualTo("RT @polizei@other.example: Original & mehr");
        assertThat(post.platformId()).isEqualTo("115100000000000003");
        assertThat(post.author()).isEqualTo("presse");
    }

    @Test
    void missingCreationTimeIsAShapeErrorNamingThePath() throws Exception {
        JsonNode node = json("{'id':'1','content':'<p>x</p>'}");

        assertThatThrownBy(() -> mapper.toPost(node, "$[4]"))
                .isInstanceOf(MastodonStatusMapper.ShapeException.class).hasMessage("$[4].created_at: missing");
    }

    @Test
    void statusWithoutIdIsAShapeError() throws Exception {
        assertThatThrownBy(() -> mapper.toPost(json("{'content':'x'}"), "$[0]"))
                .hasMessage("$[0].id: expected a string id");
    }

    @Test
    void numericIdsCompareAsUnsignedNumbersOthersAsStrings() {
        assertThat(MastodonIds.compare("99", "100")).isNegative();
        assertThat(MastodonIds.compare("18446744073709551616", "9223372036854775807")).isPositive();
        assertThat(MastodonIds.compare("abc", "abd")).isNegative();
        assertThat(MastodonIds.max(null, "5")).isEqualTo("5");
    }

    @Test
    void lookupUsesTheBareNameOnlyForAccountsOfThePolledInstance() {
        assertThat(MastodonConnector.lookupAcct("presse", "social.example")).isEqualTo("presse");
        assertThat(MastodonConnector.lookupAcct("@presse@Social.Example", "social.example")).isEqualTo("presse");
        assertThat(MastodonConnector.lookupAcct("presse@other.example", "social.example"))
                .isEqualTo("presse@other.example");
    }

    @Test
    void aReplyWithMediaCarriesTheReplyFlagAndTheAttachments() throws Exception {
        JsonNode node = json(status(",'in_reply_to_id':'115099999999999999','quote':null,'media_attachments':["
                + "{'id':'1','type':'image','url':'https://files.example/a.jpg','description':'Plakat zur Impfaktion'},"
                + "{'id':'2','type':'gifv','url':null,'remote_url':'https://remote.example/b.mp4','description':null}]"));

        Post post = mapper.toPost(node, "$[0]");

        assertThat(post.reply()).isTrue();
        assertThat(post.repost()).isFalse();
        assertThat(post.quote()).isFalse();
        assertThat(post.media()).containsExactly(new Media("image", "https://files.example/a.jpg", "Plakat zur Impfaktion"),
                new Media("gif", "https://remote.example/b.mp4", null));
    }

    @Test
    void aBoostIsARepostAndTakesTheMediaOfTheBoostedStatus() throws Exception {
        String boosted = status(",'media_attachments':[{'id':'3','type':'video','url':'https://files.example/c.mp4'}]")
                .replace("'presse'}", "'ministerium@social.example'}");
        JsonNode node = json(status(",'content':'','reblog':" + boosted));

        Post post = mapper.toPost(node, "$[0]");

        assertThat(post.repost()).isTrue();
        assertThat(post.reply()).isFalse();
        assertThat(post.media()).containsExactly(new Media("video", "https://files.example/c.mp4", null));
    }

    @Test
    void aQuoteIsFlaggedAndAPlainStatusHasNoFlagsAndNoMedia() throws Exception {
        Post quote = mapper.toPost(json(status(",'quote':{'state':'accepted','quoted_status':{'id':'7'}}")), "$[0]");
        Post plain = mapper.toPost(json(status("")), "$[0]");

        assertThat(quote.quote()).isTrue();
        assertThat(plain.reply() || plain.repost() || plain.quote()).isFalse();
        assertThat(plain.media()).isEmpty();
    }
}
