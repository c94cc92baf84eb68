package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import de.wachposten.testkit.TestAlerts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void thePostObjectCarriesReplyRepostQuoteAndMedia() {
        Alert plain = TestAlerts.alert("1");
        Post shaped = plain.post().withShape(true, false, true, List.of(
                new Media("image", "https://pbs.twimg.com/media/a.jpg", "Karte"), new Media("other", null, null)));
        Alert alert = new Alert(plain.id(), plain.channelId(), plain.platform(), plain.officeId(), plain.severity(),
                plain.reasons(), shaped, plain.createdAt(), plain.updatedAt(), plain.revision(), plain.status(),
                plain.resolution());

        JsonObject post = AlertJson.body(alert).getJsonObject("post");

        assertThat(post.getBoolean("reply")).isTrue();
        assertThat(post.getBoolean("repost")).isFalse();
        assertThat(post.getBoolean("quote")).isTrue();
        assertThat(post.getJsonArray("media")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("type", "image").put("url", "https://pbs.twimg.com/media/a.jpg")
                        .put("description", "Karte"))
                .add(new JsonObject().put("type", "other").put("url", null)));
    }

    @Test
    void aPlainPostKeepsEveryEarlierFieldAndAddsFalseFlagsAndNoMedia() {
        JsonObject post = AlertJson.body(TestAlerts.alert("1")).getJsonObject("post");

        assertThat(post.fieldNames()).contains("id", "url", "author", "text", "published_at", "client", "seen_at");
        assertThat(post.getBoolean("reply") || post.getBoolean("repost") || post.getBoolean("quote")).isFalse();
        assertThat(post.getJsonArray("media")).isEmpty();
    }
}
