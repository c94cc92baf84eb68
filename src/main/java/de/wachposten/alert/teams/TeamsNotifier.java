package de.wachposten.alert.teams;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.ChatWebhook;
import de.wachposten.alert.Escape;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Posts an alert to a Microsoft Teams Workflows webhook (README, Alerts: e-mail, chat and Alertmanager) as an Adaptive
 * Card 1.4: a bold headline, a fact set (reasons, time, author), the post text and an {@code Action.OpenUrl} to the
 * post. TextBlocks render a Markdown subset, so untrusted text is Markdown-escaped and its mentions broken.
 *
 * <p>Failure contract: see {@link ChatWebhook}. The workflow URL carries a {@code sig=} credential in its query;
 * messages print it without query.
 */
public final class TeamsNotifier extends ChatWebhook {
    /** The sink type this notifier serves. */
    public static final String TYPE = "teams";
    /** The factory the daemon registers under {@link #TYPE}. */
    public static final NotifierFactory FACTORY = factory(TeamsNotifier::new);

    /**
     * Without acknowledgement links.
     *
     * @throws IllegalArgumentException when the sink has no URL
     */
    public TeamsNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout) {
        this(sink, office, client, clock, timeout, null);
    }

    /**
     * @param ackLinks signer of one-click acknowledgement links, or null for none
     * @throws IllegalArgumentException when the sink has no URL
     */
    public TeamsNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                         AckLinks ackLinks) {
        super(TYPE, sink, office, client, clock, timeout, ackLinks, TeamsNotifier::payload);
    }

    /** The message body for {@code alert}, without acknowledgement links. */
    public static JsonObject payload(Alert alert, AlertText text) {
        return payload(alert, text, List.of());
    }

    /** The message body for {@code alert} with one acknowledgement link per resolution in {@code links}. */
    public static JsonObject payload(Alert alert, AlertText text, List<AckLinks.Link> links) {
        JsonArray facts = new JsonArray()
                .add(fact(text.reasonsLabel(), Escape.markdown(text.reasons(alert.reasons()))))
                .add(fact(text.timeLabel(), Escape.markdown(text.published(alert))))
                .add(fact(text.authorLabel(), Escape.markdown(String.valueOf(alert.post().author()))));
        JsonArray body = new JsonArray()
                .add(new JsonObject().put("type", "TextBlock").put("size", "Medium").put("weight", "Bolder")
                        .put("text", Escape.markdown(text.headline(alert))).put("wrap", true))
                .add(new JsonObject().put("type", "FactSet").put("facts", facts))
                .add(new JsonObject().put("type", "TextBlock").put("text", Escape.markdown(alert.post().text()))
                        .put("wrap", true).put("isSubtle", true));
        JsonObject card = new JsonObject()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", "1.4").put("body", body);
        JsonArray actions = new JsonArray();
        if (alert.post().url() != null) {
            actions.add(new JsonObject().put("type", "Action.OpenUrl").put("title", text.openPost())
                    .put("url", alert.post().url()));
        }
        for (AckLinks.Link l : links) {
            actions.add(new JsonObject().put("type", "Action.OpenUrl").put("title", text.acknowledgeAs(l.resolution()))
                    .put("url", l.url()));
        }
        if (!actions.isEmpty()) {
            card.put("actions", actions);
        }
        JsonObject attachment = new JsonObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putNull("contentUrl")
                .put("content", card);
        return new JsonObject().put("type", "message").put("attachments", new JsonArray().add(attachment));
    }

    private static JsonObject fact(String title, String value) {
        return new JsonObject().put("title", title).put("value", value);
    }
}
