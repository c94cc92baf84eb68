package de.wachposten.alert.teams;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.HttpSinkContract;
import de.wachposten.alert.Notifier;
import de.wachposten.config.SinkConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsNotifierTest extends HttpSinkContract {
    private static final String SIG = "sig-9a8b7c6d";

    @Override
    protected Notifier notifier(String url, Duration timeout) {
        SinkConfig sink = new SinkConfig("teams", url, null, List.of(), null, null, "sms-presse#3:teams", 18);
        return new TeamsNotifier(sink, OFFICE, client, clock, timeout);
    }

    @Override
    protected String urlOf(de.wachposten.testkit.WebhookReceiver r) {
        return r.url() + "?api-version=2016-06-01&sig=" + SIG;
    }

    @Override
    protected List<String> secrets() {
        return List.of(URL_TOKEN, SIG);
    }

    @Override
    protected String sinkNamedAs() {
        return "teams sink of office sms-presse (http://127.0.0.1:";
    }

    @Test
    void postsAMessageWithOneAdaptiveCard() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        JsonObject body = receiver.awaitAccepted(1).get(0).body();
        assertThat(body.getString("type")).isEqualTo("message");
        JsonArray attachments = body.getJsonArray("attachments");
        assertThat(attachments).hasSize(1);
        JsonObject att = attachments.getJsonObject(0);
        assertThat(att.getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(att.containsKey("contentUrl")).isTrue();
        JsonObject card = att.getJsonObject("content");
        assertThat(card.getString("type")).isEqualTo("AdaptiveCard");
        assertThat(card.getString("version")).isEqualTo("1.4");
        JsonObject title = card.getJsonArray("body").getJsonObject(0);
        assertThat(title.getString("text")).isEqualTo("HOCH: sms\\-twitter – nicht freigegeben, außerhalb der Zeiten");
        JsonObject facts = card.getJsonArray("body").getJsonObject(1);
        assertThat(facts.getString("type")).isEqualTo("FactSet");
        assertThat(facts.getJsonArray("facts").getJsonObject(0).getString("title")).isEqualTo("Gründe");
        JsonObject action = card.getJsonArray("actions").getJsonObject(0);
        assertThat(action.getString("type")).isEqualTo("Action.OpenUrl");
        assertThat(action.getString("url")).isEqualTo("https://x.com/SMS_Sachsen/status/686167854231101440");
    }

    @Test
    void aHostilePostIsEscapedInTheCard() {
        JsonObject card = TeamsNotifier.payload(hostileAlert(), AlertText.of("en")).getJsonArray("attachments")
                .getJsonObject(0).getJsonObject("content");
        String post = card.getJsonArray("body").getJsonObject(2).getString("text");
        assertThat(post).contains("\\[klick\\]\\(https://evil\\.example\\)").contains("\\<script\\>")
                .doesNotContain("@channel").doesNotContain("[klick](");
        assertThat(card.getJsonArray("body").getJsonObject(0).getString("text"))
                .isEqualTo("HIGH: sms\\-twitter – not approved, outside posting hours");
    }
}
