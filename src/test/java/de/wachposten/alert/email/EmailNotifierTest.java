package de.wachposten.alert.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.NotifierFactory.NotifierEnv;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.Post;
import de.wachposten.testkit.TestAlerts;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GreenMail on loopback receives the alert e-mail; the test reads subject, both parts and Message-ID. */
class EmailNotifierTest {
    private static final Office DE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    private static final Office EN = new Office("sms-presse", "Press office SMS", "en", List.of());
    private GreenMail greenMail;
    private Vertx vertx;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.setUser("wachposten@example.org", "wachposten", "s3cret-pw");
        greenMail.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        greenMail.stop();
    }

    private Config.Smtp smtp() {
        return new Config.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), false, "wachposten@example.org",
                "wachposten", Secret.of("s3cret-pw", "SMTP_PASSWORD"));
    }

    private MimeMessage send(Office office, Alert alert, int revision) throws Exception {
        SinkConfig sink = new SinkConfig("email", null, null, List.of("presse@sms.example"), null, null,
                "sms-presse#1:email", 14);
        new EmailNotifier(sink, office, vertx, smtp(), Duration.ofSeconds(10), null).send(alert, revision)
                .await(15, TimeUnit.SECONDS);
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        return greenMail.getReceivedMessages()[0];
    }

    private static Map<String, String> parts(MimeMessage m) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        assertThat(mp.getContentType()).startsWith("multipart/alternative");
        String text = null;
        String html = null;
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            } else if (p.isMimeType("text/html")) {
                html = (String) p.getContent();
            }
        }
        return Map.of("text", text, "html", html);
    }

    @Test
    void aGermanOfficeGetsTheGermanSubjectBothPartsAndAMessageIdFromAlertAndRevision() throws Exception {
        Alert alert = TestAlerts.alert("686167854231101440");
        MimeMessage m = send(DE, alert, 1);
        assertThat(m.getSubject()).isEqualTo("[Wachposten] HOCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten");
        assertThat(m.getMessageID()).isEqualTo("<" + alert.id() + ".r1@wachposten>");
        assertThat(m.getFrom()[0].toString()).isEqualTo("wachposten@example.org");
        Map<String, String> parts = parts(m);
        assertThat(parts.get("text"))
                .contains("Veröffentlicht: Fr. 08.01.2016 06:30 MEZ")
                .contains("- nicht freigegeben (unapproved): no approval matches (best similarity 0.12)")
                .contains("> Umlaute äöü ß, quotes \" and <tags> & emoji \uD83D\uDEA8")
                .contains("Post öffnen: https://x.com/SMS_Sachsen/status/686167854231101440");
        assertThat(parts.get("html"))
                .contains("<html lang=\"de\">")
                .contains("Umlaute äöü ß, quotes &quot; and &lt;tags&gt; &amp; emoji")
                .contains("<a href=\"https://x.com/SMS_Sachsen/status/686167854231101440\">Post öffnen</a>");
    }

    @Test
    void anEnglishOfficeGetsEnglishTextsAndAnUpdateHasItsOwnMessageId() throws Exception {
        Alert alert = TestAlerts.alert("686167854231101440", 2);
        MimeMessage m = send(EN, alert, 2);
        assertThat(m.getSubject())
                .isEqualTo("[Wachposten] HIGH: sms-twitter – not approved, outside posting hours (update)");
        assertThat(m.getMessageID()).isEqualTo("<" + alert.id() + ".r2@wachposten>");
        assertThat(parts(m).get("text")).contains("Reasons:").contains("Open post: https://x.com/");
    }

    @Test
    void aHostilePostRendersAsInertTextInTheHtmlPart() throws Exception {
        Alert a = TestAlerts.alert("686167854231101440");
        Post p = a.post();
        Post bad = new Post(p.channelId(), p.platform(), p.platformId(), p.url(), "<b>evil</b>",
                "<script>alert(1)</script> [klick](https://evil.example) @channel <img src=x onerror=y>",
                p.publishedAt(), null, "<i>client</i>", p.language(), p.links(), p.seenAt(), p.rawJson());
        Alert hostile = new Alert(a.id(), a.channelId(), a.platform(), a.officeId(), a.severity(), a.reasons(), bad,
                a.createdAt(), a.updatedAt(), 1, a.status(), null);
        String html = parts(send(DE, hostile, 1)).get("html");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; [klick](https://evil.example) @channel")
                .contains("&lt;img src=x onerror=y&gt;").contains("&lt;b&gt;evil&lt;/b&gt;")
                .contains("&lt;i&gt;client&lt;/i&gt;")
                .doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>evil")
                .doesNotContain("href=\"https://evil");
    }

    @Test
    void starttlsIsRequiredWhenConfiguredAndLoginOnlyWithAUsername() {
        var withTls = EmailNotifier.mailConfig(new Config.Smtp("mail.example", 587, true, "a@b", "u",
                Secret.of("p", null)), Duration.ofSeconds(5));
        assertThat(withTls.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(withTls.getLogin()).isEqualTo(LoginOption.REQUIRED);
        var plain = EmailNotifier.mailConfig(new Config.Smtp("mail.example", 25, false, "a@b", null, null),
                Duration.ofSeconds(5));
        assertThat(plain.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(plain.getLogin()).isEqualTo(LoginOption.DISABLED);
    }

    @Test
    void theFactoryReadsTheTopLevelSmtpConfig() throws Exception {
        Config config = new Config(Path.of("wachposten.yml"), new Config.Server("127.0.0.1", 0,
                URI.create("http://localhost:8080")), new Config.Store(Path.of("x.db"), null), Path.of("rules"),
                smtp(), Map.of(), List.of(DE), List.of(), List.of());
        SinkConfig sink = new SinkConfig("email", null, null, List.of("presse@sms.example"), null, null,
                "sms-presse#1:email", 14);
        var n = EmailNotifier.FACTORY.create(sink, DE, new NotifierEnv(vertx, null, null, config));
        assertThat(n.type()).isEqualTo("email");
        n.send(TestAlerts.alert("1"), 1).await(15, TimeUnit.SECONDS);
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(AlertText.of("de").subject(TestAlerts.alert("1"))).isEqualTo(greenMail.getReceivedMessages()[0].getSubject());
    }
}
