package de.wachposten.alert.email;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.HttpFailures;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Sends an alert as e-mail through the configured SMTP server: a multipart/alternative message with a plain-text and
 * an HTML part in the office's language ({@link EmailTemplate}). {@code Message-ID} is
 * {@code <alert id>.r<revision>@wachposten}, the same across retries, so mail systems and readers can dedupe.
 * STARTTLS is required when {@code smtp.starttls} is true (credentials never travel in clear) and not used otherwise;
 * login happens when {@code smtp.username} is set.
 *
 * <p>Failure contract: SMTP 4xx replies, timeouts and connection errors are retryable; 5xx replies are final. Messages
 * name the office and the SMTP host, never the password.
 */
public final class EmailNotifier implements Notifier {
    /** The sink type this notifier serves. */
    public static final String TYPE = "email";
    /** Default time one delivery may take, connection to QUIT. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The factory the daemon registers under {@link #TYPE}; needs the top-level {@code smtp} config. */
    public static final NotifierFactory FACTORY = (sink, office, env) -> new EmailNotifier(sink, office, env.vertx(),
            smtpOf(env.config(), office), DEFAULT_TIMEOUT, env.ackLinks());

    private final SinkConfig sink;
    private final Config.Smtp smtp;
    private final Duration timeout;
    private final String name;
    private final EmailTemplate template;
    private final MailClient client;

    /**
     * @param ackLinks signer of the one-click acknowledgement links in the message, or null for none
     * @throws IllegalArgumentException when the sink has no recipient
     */
    public EmailNotifier(SinkConfig sink, Office office, Vertx vertx, Config.Smtp smtp, Duration timeout,
                         AckLinks ackLinks) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (sink.to().isEmpty()) {
            throw new IllegalArgumentException("email sink of office " + office.id() + " (line " + sink.line()
                    + "): to is required");
        }
        this.name = "email sink of office " + office.id() + " (smtp " + smtp.host() + ":" + smtp.port() + ")";
        this.template = new EmailTemplate(AlertText.of(office.language()), office.name(), ackLinks);
        this.client = MailClient.create(vertx, mailConfig(smtp, timeout));
    }

    static MailConfig mailConfig(Config.Smtp smtp, Duration timeout) {
        MailConfig c = new MailConfig()
                .setHostname(smtp.host())
                .setPort(smtp.port())
                .setStarttls(smtp.starttls() ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
                .setKeepAlive(false)
                .setConnectTimeout((int) timeout.toMillis());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            c.setLogin(LoginOption.REQUIRED).setUsername(smtp.username());
            if (smtp.password() != null && smtp.password().isSet()) {
                c.setPassword(smtp.password().reveal());
            }
        } else {
            c.setLogin(LoginOption.DISABLED);
        }
        return c;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Void> send(Alert alert, int revision) {
        if (smtp.password() != null && !smtp.password().isSet()) {
            return Future.failedFuture(new DeliveryException("smtp password for " + name + ": environment variable "
                    + smtp.password().envVar() + " is not set", true));
        }
        MailMessage m = new MailMessage()
                .setFrom(smtp.from())
                .setTo(sink.to())
                .setSubject(template.subject(alert))
                .setText(template.text(alert))
                .setHtml(template.html(alert))
                .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(alert, revision)));
        return client.sendMail(m).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .transform(ar -> ar.succeeded() ? Future.<Void>succeededFuture() : Future.failedFuture(failure(ar.cause())));
    }

    /** The {@code Message-ID} of one revision: {@code <a-….r2@wachposten>}. */
    public static String messageId(Alert alert, int revision) {
        return "<" + alert.id() + ".r" + revision + "@wachposten>";
    }

    private DeliveryException failure(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SMTPException smtpError) {
                int code = smtpError.getReplyCode();
                boolean temporary = code >= 400 && code < 500;
                return new DeliveryException(name + ": SMTP " + code
                        + (temporary ? " (temporary)" : " (rejected by the server)"), temporary);
            }
        }
        return HttpFailures.forTransport(name, cause, timeout);
    }

    /** Closes the SMTP client. */
    public Future<Void> close() {
        return client.close();
    }

    private static Config.Smtp smtpOf(Config config, Office office) {
        if (config == null || config.smtp() == null) {
            throw new IllegalArgumentException("email sink of office " + office.id() + ": needs the top-level smtp");
        }
        return config.smtp();
    }

    @Override
    public String toString() {
        return name;
    }
}
