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
 * texts, and one-click acknowledgement links while the alert is open. Each notifier brings only its payload format.
 *
 * <p>Failure contract: see {@link HttpFailures}; the URL is a credential and appears in messages without its query.
 */
public final class ChatWebhook {

    /** Builds one notifier's message body. */
    @FunctionalInterface
    public interface Payload {
        JsonObject build(Alert alert, AlertText text, List<AckLinks.Link> links);
    }

    private final String url;
    private final AlertText text;
    private final JsonSender sender;
    private final AckLinks ackLinks;
    private final Payload payload;

    /**
     * @param ackLinks signer of acknowledgement links, or null for none
     * @throws IllegalArgumentException when the sink has no URL
     */
    public ChatWebhook(String type, SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                       AckLinks ackLinks, Payload payload) {
        Objects.requireNonNull(office, "office");
        if (sink.url() == null || sink.url().isBlank()) {
            throw new IllegalArgumentException(type + " sink of office " + office.id() + " (line " + sink.line()
                    + "): url is required");
        }
        this.url = sink.url();
        this.text = AlertText.of(office.language());
        this.sender = new JsonSender(client, clock, timeout, HttpFailures.sinkName(type, office.id(), url));
        this.ackLinks = ackLinks;
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /** Posts the message for {@code alert}. */
    public Future<Void> send(Alert alert) {
        return sender.post(url, payload.build(alert, text, links(alert)).encode());
    }

    /** The sink's name for messages (type, office, URL without query). */
    public String name() {
        return sender.name();
    }

    private List<AckLinks.Link> links(Alert alert) {
        return ackLinks == null || alert.status() != AlertStatus.OPEN ? List.of() : ackLinks.links(alert.id());
    }
}
