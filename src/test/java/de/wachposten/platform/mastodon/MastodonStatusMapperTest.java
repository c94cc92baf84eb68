package de.wachposten.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
