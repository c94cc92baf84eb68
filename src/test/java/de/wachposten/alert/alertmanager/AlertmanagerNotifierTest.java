package de.wachposten.alert.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.HttpSinkContract;
import de.wachposten.alert.Notifier;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Resolution;
import de.wachposten.testkit.WebhookReceiver;
import de.wachposten.testkit.WebhookReceiver.Received;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerNotifierTest extends HttpSinkContract {

    @Override
    protected Notifier notifier(String url, Duration timeout) {
        SinkConfig sink = new SinkConfig("alertmanager", url, null, List.of(), null, null, "sms-presse#5:alertmanager", 22);
        return new AlertmanagerNotifier(sink, OFFICE, client, clock, timeout, "http://wachposten.example:8080");
    }

    @Override
    protected String urlOf(WebhookReceiver r) {
        return "http://127.0.0.1:" + r.port();
    }

    @Override
    protected String sinkNamedAs() {
        return "alertmanager sink of office sms-presse (http://127.0.0.1:";
    }

    @Test
    void postsOneAlertWithIdentifyingLabelsAndDescriptiveAnnotations() throws Exception {
        assertThat(attempt(notifier(Duration.ofSeconds(15)))).isNull();
        Received r = receiver.awaitAccepted(1).get(0);
        assertThat(r.uri()).isEqualTo("/api/v2/alerts");
        JsonArray body = new JsonArray(io.vertx.core.buffer.Buffer.buffer(r.rawBody()));
        assertThat(body).hasSize(1);
        JsonObject a = body.getJsonObject(0);
        assertThat(a.getJsonObject("labels").getMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "alertname", "WachpostenAlert", "alert_id", alert().id(), "channel", "sms-twitter",
                "office", "sms-presse", "platform", "twitter", "severity", "high"));
        JsonObject ann = a.getJsonObject("annotations");
        assertThat(ann.getString("summary")).isEqualTo("HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten");
        assertThat(ann.getString("reasons")).isEqualTo("unapproved,outside_hours");
        assertThat(ann.getString("post_url")).isEqualTo("https://x.com/SMS_Sachsen/status/686167854231101440");
        assertThat(a.getString("startsAt")).isEqualTo("2016-01-08T05:30:21Z");
        assertThat(a.getString("endsAt")).isEqualTo(clock.instant().plus(AlertmanagerNotifier.OPEN_HOLD).toString());
        assertThat(a.getString("generatorURL")).isEqualTo("http://wachposten.example:8080");
    }

    @Test
    void anAcknowledgedAlertEndsAtItsLastUpdate() {
        Alert open = alert();
        Instant acked = Instant.parse("2016-01-08T06:02:00Z");
        Alert closed = new Alert(open.id(), open.channelId(), open.platform(), open.officeId(), open.severity(),
                open.reasons(), open.post(), open.createdAt(), acked, 2, AlertStatus.ACKNOWLEDGED,
                Resolution.values()[0]);
        JsonObject a = AlertmanagerNotifier.payload(closed, AlertText.of("de"), acked.plusSeconds(5), null);
        assertThat(a.getString("endsAt")).isEqualTo("2016-01-08T06:02:00Z");
        assertThat(a.containsKey("generatorURL")).isFalse();
    }
}
