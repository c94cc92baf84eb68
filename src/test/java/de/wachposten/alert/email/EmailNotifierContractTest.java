package de.wachposten.alert.email;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierContract;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.testkit.SmtpScript;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier contract against a scripted SMTP server: 451 is temporary, 550 final, no greeting a timeout. */
class EmailNotifierContractTest extends NotifierContract {
    private static final String PASSWORD = "smtp-pass-5e3c1b";
    private static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    private SmtpScript smtp;

    @BeforeEach
    void startSmtp() {
        smtp = SmtpScript.start(vertx);
    }

    @AfterEach
    void stopSmtp() {
        smtp.close();
    }

    private Notifier notifier(int port, Secret password, Duration timeout) {
        // username null: the script offers no AUTH; the password is still configured and must never leak
        Config.Smtp cfg = new Config.Smtp("127.0.0.1", port, false, "wachposten@example.org", null, password);
        SinkConfig sink = new SinkConfig("email", null, null, List.of("presse@sms.example"), null, null,
                "sms-presse#1:email", 14);
        return new EmailNotifier(sink, OFFICE, vertx, cfg, timeout, null);
    }

    @Override
    protected Notifier notifier(Duration timeout) {
        return notifier(smtp.port(), Secret.of(PASSWORD, "SMTP_PASSWORD"), timeout);
    }

    @Override
    protected Notifier notifierForUnreachableSink() {
        try (ServerSocket s = new ServerSocket(0)) {
            return notifier(s.getLocalPort(), Secret.of(PASSWORD, "SMTP_PASSWORD"), Duration.ofSeconds(15));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void sinkFailsTemporarily(int times) {
        smtp.reply(times, 451);
    }

    @Override
    protected void sinkThrottles(Duration retryAfter) {
        smtp.reply(1, 421);
    }

    @Override
    protected boolean supportsRetryAfter() {
        return false;
    }

    @Override
    protected void sinkRejects() {
        smtp.reply(1, 550);
    }

    @Override
    protected void sinkHangs() {
        smtp.hang();
    }

    @Override
    protected int acceptedCount() {
        return smtp.messages().size();
    }

    @Override
    protected String sinkNamedAs() {
        return "email sink of office sms-presse (smtp 127.0.0.1:";
    }

    @Override
    protected List<String> secrets() {
        return List.of(PASSWORD);
    }

    @Test
    void failuresSayWhatTheServerAnswered() throws Exception {
        smtp.reply(1, 550);
        DeliveryException e = attempt(notifier(Duration.ofSeconds(15)));
        assertThat(e).hasMessage("email sink of office sms-presse (smtp 127.0.0.1:" + smtp.port()
                + "): SMTP 550 (rejected by the server)");
    }

    @Test
    void anUnsetPasswordFailsRetryablyNamingTheVariableWithoutSending() throws Exception {
        DeliveryException e = attempt(notifier(smtp.port(), Secret.unset("SMTP_PASSWORD"), Duration.ofSeconds(15)));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).endsWith("environment variable SMTP_PASSWORD is not set");
        assertThat(smtp.messages()).isEmpty();
    }
}
