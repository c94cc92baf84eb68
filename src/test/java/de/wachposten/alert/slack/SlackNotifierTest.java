package de.wachposten.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.HttpSinkContract;
import de.wachposten.alert.Notifier;
import de.wachposten.config.SinkConfig;
import de.wachposten.testkit.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackNotifierTest extends HttpSinkContract {

    @Override
    protected Notifier notifier(String url, Duration timeout) {
        SinkConfig sink = new SinkConfig("slack", url, null, List.of(), null, null, "sms-presse#1:slack", 14);
        return new SlackNotifier(sink, OFFICE, client, clock, timeout);
    }

    @Override
    protected String sinkNamedAs() {
        return "slack sink of office sms-presse (http://127.0.0.1:";
    }

    @Test
    void postsTextAndBlocksWithTheGermanHeadline() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        JsonObject body = r.body();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("text", "blocks");
        assertThat(body.getString("text"))
                .isEqualTo("HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten");
        JsonObject section = body.getJsonArray("blocks").getJsonObject(0);
        assertThat(section.getString("type")).isEqualTo("section");
        assertThat(section.getJsonObject("text").getString("type")).isEqualTo("mrkdwn");
        assertThat(section.getJsonObject("text").getString("text"))
                .contains("*HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten*")
                .contains("&gt;Umlaute äöü ß, quotes \" and &lt;tags&gt; &amp; emoji \uD83D\uDEA8");
        JsonObject context = body.getJsonArray("blocks").getJsonObject(1);
        assertThat(context.getString("type")).isEqualTo("context");
        assertThat(context.getJsonArray("elements").getJsonObject(0).getString("text"))
                .isEqualTo("Gründe: unapproved, outside_hours · <https://x.com/SMS_Sachsen/status/686167854231101440|Post öffnen>");
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
    }

    @Test
    void aHostilePostCannotFormLinksOrMentions() {
        String section = SlackNotifier.payload(hostileAlert(), AlertText.of("de")).getJsonArray("blocks")
                .getJsonObject(0).getJsonObject("text").getString("text");
        assertThat(section).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;!channel&gt;").contains("&lt;https://evil.example|x&gt;").contains("&amp; Ende")
                .doesNotContain("<script").doesNotContain("<!channel>").doesNotContain("<https://evil");
    }
}
