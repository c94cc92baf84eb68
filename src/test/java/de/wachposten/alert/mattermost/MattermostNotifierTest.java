package de.wachposten.alert.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.HttpSinkContract;
import de.wachposten.alert.Notifier;
import de.wachposten.config.SinkConfig;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MattermostNotifierTest extends HttpSinkContract {

    @Override
    protected Notifier notifier(String url, Duration timeout) {
        SinkConfig sink = new SinkConfig("mattermost", url, null, List.of(), null, null, "sms-presse#2:mattermost", 16);
        return new MattermostNotifier(sink, OFFICE, client, clock, timeout);
    }

    @Override
    protected String sinkNamedAs() {
        return "mattermost sink of office sms-presse (http://127.0.0.1:";
    }

    @Test
    void postsMarkdownTextWithAReasonTableAndTheQuotedPost() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        JsonObject body = receiver.awaitAccepted(1).get(0).body();
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("username", "text");
        assertThat(body.getString("username")).isEqualTo("Wachposten");
        assertThat(body.getString("text"))
                .startsWith("#### :rotating_light: HOCH: sms\\-twitter – nicht freigegeben, außerhalb der Zeiten\n")
                .contains("| Gründe | Detail |\n|---|---|\n| nicht freigegeben | no approval matches \\(best similarity 0\\.12\\) |")
                .contains("> Umlaute äöü ß, quotes \" and \\<tags\\> & emoji")
                .endsWith("[Post öffnen](<https://x.com/SMS_Sachsen/status/686167854231101440>)");
    }

    @Test
    void aHostilePostIsEscapedAndMentionsNobody() {
        String text = MattermostNotifier.payload(hostileAlert(), AlertText.of("de")).getString("text");
        assertThat(text).contains("\\<script\\>alert\\(1\\)\\</script\\>")
                .contains("\\[klick\\]\\(https://evil\\.example\\)")
                .contains("\\*fett\\*")
                .doesNotContain("@channel").doesNotContain("@here").doesNotContain("[klick](");
        assertThat(text).contains("@\u200Bchannel");
    }
}
