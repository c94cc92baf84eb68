package de.wachposten.alert.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.HttpSinkContract;
import de.wachposten.alert.Notifier;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.testkit.WebhookReceiver;
import de.wachposten.testkit.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixNotifierTest extends HttpSinkContract {
    private static final String TOKEN = "syt_c2VjcmV0_matrixtoken42";
    private Secret token = Secret.of(TOKEN, "MATRIX_TOKEN");

    @Override
    protected Notifier notifier(String url, Duration timeout) {
        SinkConfig sink = new SinkConfig("matrix", url, null, List.of(), "!presse:matrix.example", token,
                "sms-presse#4:matrix", 20);
        return new MatrixNotifier(sink, OFFICE, client, clock, timeout);
    }

    @Override
    protected String urlOf(WebhookReceiver r) {
        return "http://127.0.0.1:" + r.port();
    }

    @Override
    protected List<String> secrets() {
        return List.of(URL_TOKEN, TOKEN);
    }

    @Override
    protected String sinkNamedAs() {
        return "matrix sink of office sms-presse (http://127.0.0.1:";
    }

    @Test
    void putsAnMNoticeWithTheBearerTokenAndATransactionIdPerRevision() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        assertThat(r.uri()).isEqualTo("/_matrix/client/v3/rooms/%21presse%3Amatrix.example/send/m.room.message/"
                + alert().id() + "_r1");
        assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
        JsonObject body = r.body();
        assertThat(body.getString("msgtype")).isEqualTo("m.notice");
        assertThat(body.getString("format")).isEqualTo("org.matrix.custom.html");
        assertThat(body.getString("body")).startsWith("HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten\n");
        assertThat(body.getString("formatted_body"))
                .startsWith("<b>HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten</b><br>")
                .contains("&lt;tags&gt; &amp; emoji")
                .endsWith("<a href=\"https://x.com/SMS_Sachsen/status/686167854231101440\">Post öffnen</a>");
    }

    @Test
    void aRetryUsesTheSameTransactionId() throws Exception {
        receiver.answer(1, 503);
        Notifier n = notifier(Duration.ofSeconds(15));
        assertThat(attempt(n)).isNotNull();
        assertThat(attempt(n)).isNull();
        assertThat(receiver.received()).extracting(Received::uri).containsOnly(receiver.received().get(0).uri());
    }

    @Test
    void aHostilePostIsHtmlEscapedAndMentionsNobody() {
        JsonObject body = MatrixNotifier.payload(hostileAlert(), AlertText.of("de"));
        assertThat(body.getString("formatted_body")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script").doesNotContain("@room").doesNotContain("@channel");
        assertThat(body.getString("body")).doesNotContain("@room").doesNotContain("@here").contains("@\u200Broom");
    }

    @Test
    void anUnsetTokenFailsRetryablyNamingTheVariableWithoutSending() throws Exception {
        token = Secret.unset("MATRIX_TOKEN");
        DeliveryException e = attempt(notifier(Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessage("matrix access token for office sms-presse: environment variable MATRIX_TOKEN is not set");
        assertThat(receiver.received()).isEmpty();
    }
}
