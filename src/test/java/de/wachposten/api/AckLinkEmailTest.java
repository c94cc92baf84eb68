package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.wachposten.alert.AckLinks;
import de.wachposten.alert.email.EmailNotifier;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.ReasonCode;
import io.vertx.core.http.HttpMethod;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The e-mail carries acknowledgement links; the one read from GreenMail works once and then says it was used. */
class AckLinkEmailTest {
    private final ApiFixture api = new ApiFixture();
    private final GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void close() {
        greenMail.stop();
        api.close();
    }

    @Test
    void theAckLinkReadFromTheEmailWorksOnceThenSaysItWasUsed() throws Exception {
        greenMail.start();
        Clock clock = Clock.fixed(ApiFixture.NOW, ZoneOffset.UTC);
        String base = "http://127.0.0.1:" + api.port;
        AckLinks links = new AckLinks(AckLinkApiTest.KEY, base, Duration.ofDays(7), clock);
        api.server.serveAckLinks(new AckLinkHandler(api.vertx, ApiFixture.config(), api.store, links, api.alerts));
        Alert alert = ApiFixture.openAlert(ApiFixture.tweet("1", "Guten Morgen", Instant.parse("2016-01-08T05:30:00Z")),
                "sms-presse", ReasonCode.UNAPPROVED);
        api.putAlert(alert);

        var smtp = new Config.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, "wachposten@example.org", null,
                null);
        var sink = new SinkConfig("email", null, null, List.of("presse@sms.example"), null, null, "sms-presse#1:email", 9);
        new EmailNotifier(sink, new Office("sms-presse", "Pressestelle SMS", "de", List.of()), api.vertx, smtp,
                Duration.ofSeconds(10), links).send(alert, 1).await(15, TimeUnit.SECONDS);
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        String text = textPart((MimeMultipart) greenMail.getReceivedMessages()[0].getContent());

        Matcher m = Pattern.compile("Bestätigen: Vorfall: " + Pattern.quote(base) + "(/ack/\\S+)").matcher(text);
        assertThat(m.find()).as("ack link in:\n" + text).isTrue();
        String path = m.group(1);

        assertThat(api.send(HttpMethod.GET, path, null, null).statusCode()).isEqualTo(200);
        var used = api.send(HttpMethod.POST, path, null, null);
        assertThat(used.statusCode()).isEqualTo(200);
        assertThat(used.bodyAsString()).contains("Bestätigt als Vorfall");
        assertThat(api.store.alert(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        var again = api.send(HttpMethod.POST, path, null, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsString()).contains("Dieser Link wurde bereits verwendet");
    }

    private static String textPart(MimeMultipart mp) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.isMimeType("text/plain")) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no text/plain part");
    }
}
