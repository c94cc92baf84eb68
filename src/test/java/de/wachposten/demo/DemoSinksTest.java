package de.wachposten.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.wachposten.app.DaemonHarness;
import de.wachposten.testkit.ExternalProgram;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --sinks FILE} pointed at a local SMTP server (GreenMail) and Debian's real Alertmanager: both receive
 * the 06:30 alert, as a press office's mail box and the security team's Alertmanager would.
 */
class DemoSinksTest {
    @TempDir
    Path dir;
    private GreenMail mail;
    private Process alertmanager;

    @AfterEach
    void stop() throws Exception {
        if (mail != null) {
            mail.stop();
        }
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoDeliversThe0630AlertByEmailAndToAlertmanager() throws Exception {
        Path binary = ExternalProgram.require("prometheus-alertmanager", "apt-get install prometheus-alertmanager");
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int amPort = DaemonHarness.freePort();
        Files.writeString(dir.resolve("am.yml"), "route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n");
        alertmanager = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("am.yml"),
                "--web.listen-address=127.0.0.1:" + amPort, "--storage.path=" + dir.resolve("am-data"),
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(dir.resolve("am.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI alerts = URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts");
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        Path sinks = dir.resolve("sinks.yaml");
        Files.writeString(sinks, """
                smtp:
                  host: 127.0.0.1
                  port: %d
                  starttls: false
                  from: wachposten-demo@example.org
                sinks:
                  - type: email
                    to: [presse@sms.example]
                  - type: alertmanager
                    url: http://127.0.0.1:%d
                """.formatted(mail.getSmtp().getPort(), amPort));

        Path log = dir.resolve("demo.log");
        Process demo = DaemonHarness.startChild(log, "demo", "--exit-when-done", "--sinks", sinks.toString());
        assertThat(demo.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).as(Files.readString(log)).isZero();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).extracting(MimeMessage::getSubject)
                .anySatisfy(s -> assertThat(s).contains("sms-sachsen").contains("CRITICAL"));
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("presse@sms.example");
        String listed = http.send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listed).contains("\"channel\":\"sms-sachsen\"").contains("\"severity\":\"critical\"");
    }
}
