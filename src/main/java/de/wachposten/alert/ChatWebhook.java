package de.wachposten.alert;

import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the chat-style notifiers share (Slack, Mattermost, Teams): one JSON POST to the sink's URL, the office's alert
 * texts, and one-click acknowledgement links while the alert is open. Each notifier brings only its type and its
 * payload format.
 *
 * <p>Failure contract: see {@link HttpFailures}; the URL is a credential and appears in messages without its query.
 */
public abstract class ChatWebhook implements Notifier {
    /** Default time an attempt may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /** Builds one notifier's message body. */
    @FunctionalInterface
    public interface Payload {
        JsonObject build(Alert alert, AlertText text, List<AckLinks.Link> links);
    }

    /** The constructor of a chat notifier that signs acknowledgement links ({@code ackLinks} may be null). */
    @FunctionalInterface
    public interface Constructor {
        ChatWebhook create(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                           AckLinks ackLinks);
    }

    private final String type;
    private final String url;
    private final AlertText text;
    private final JsonSender sender;
    private final AckLinks ackLinks;
    private final Payload payload;

    /**
     * @param type     the sink type, e.g. {@code slack}
     * @param ackLinks signer of acknowledgement links, or null for none
     * @throws IllegalArgumentException when the sink has no URL
     */
    protected ChatWebhook(String type, SinkConfig sink, Office office, WebClient client, Clock clock,
                          Duration timeout, AckLinks ackLinks, Payload payload) {
        Objects.requireNonNull(office, "office");
        if (sink.url() == null || sink.url().isBlank()) {
            throw new IllegalArgumentException(type + " sink of office " + office.id() + " (line " + sink.line()
                    + "): url is required");
        }
        this.type = type;
        this.url = sink.url();
        this.text = AlertText.of(office.language());
        this.sender = new JsonSender(client, clock, timeout, HttpFailures.sinkName(type, office.id(), url));
        this.ackLinks = ackLinks;
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /**
     * The factory the daemon registers for a chat notifier: the shared client and clock, {@link #DEFAULT_TIMEOUT},
     * and the daemon's acknowledgement links.
     */
    public static NotifierFactory factory(Constructor constructor) {
        return (sink, office, env) -> constructor.create(sink, office, env.client(), env.clock(), DEFAULT_TIMEOUT,
                env.ackLinks());
    }

    @Override
    public final String type() {
        return type;
    }

    /** Posts the message for {@code alert}; every revision gets the same message. */
    @Override
    public final Future<Void> send(Alert alert, int revision) {
        return sender.post(url, payload.build(alert, text, links(alert)).encode());
    }

    /** The sink's name for messages (type, office, URL without query). */
    @Override
    public final String toString() {
        return sender.name();
    }

    private List<AckLinks.Link> links(Alert alert) {
        return ackLinks == null || alert.status() != AlertStatus.OPEN ? List.of() : ackLinks.links(alert.id());
    }
}
