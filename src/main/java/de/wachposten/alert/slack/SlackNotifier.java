package de.wachposten.alert.slack;

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
 * Posts an alert to a Slack incoming webhook (README, Alerts: e-mail, chat and Alertmanager): {@code {"text",
 * "blocks"}} with a section block for the headline and the quoted post text and a context block for reasons and links.
 * Every untrusted string is escaped for {@code mrkdwn} ({@code & < >}), so a post cannot form a link or a {@code
 * <!channel>} mention.
 *
 * <p>Failure contract: see {@link ChatWebhook}. The webhook URL is a credential; messages print it without query.
 */
public final class SlackNotifier extends ChatWebhook {
    /** The sink type this notifier serves. */
    public static final String TYPE = "slack";
    /** The factory the daemon registers under {@link #TYPE}. */
    public static final NotifierFactory FACTORY = factory(SlackNotifier::new);

    /**
     * Without acknowledgement links.
     *
     * @throws IllegalArgumentException when the sink has no URL
     */
    public SlackNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout) {
        this(sink, office, client, clock, timeout, null);
    }

    /**
     * @param ackLinks signer of one-click acknowledgement links, or null for none
     * @throws IllegalArgumentException when the sink has no URL
     */
    public SlackNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                         AckLinks ackLinks) {
        super(TYPE, sink, office, client, clock, timeout, ackLinks, SlackNotifier::payload);
    }

    /** The message body for {@code alert}, without acknowledgement links. */
    public static JsonObject payload(Alert alert, AlertText text) {
        return payload(alert, text, List.of());
    }

    /** The message body for {@code alert} with one acknowledgement link per resolution in {@code links}. */
    public static JsonObject payload(Alert alert, AlertText text, List<AckLinks.Link> links) {
        String headline = Escape.slack(text.headline(alert));
        String quoted = "&gt;" + Escape.slack(alert.post().text()).replace("\n", "\n&gt;");
        String section = "*" + headline + "*\n" + Escape.slack(text.published(alert)) + " · "
                + Escape.slack(String.valueOf(alert.post().author())) + "\n" + quoted;
        StringBuilder context = new StringBuilder(text.reasonsLabel()).append(": ");
        context.append(String.join(", ", alert.reasons().stream().map(f -> f.code().code()).toList()));
        if (alert.post().url() != null) {
            context.append(" · <").append(Escape.slack(alert.post().url())).append('|').append(text.openPost())
                    .append('>');
        }
        JsonArray blocks = new JsonArray()
                .add(new JsonObject().put("type", "section")
                        .put("text", new JsonObject().put("type", "mrkdwn").put("text", section)))
                .add(new JsonObject().put("type", "context").put("elements", new JsonArray()
                        .add(new JsonObject().put("type", "mrkdwn").put("text", context.toString()))));
        if (!links.isEmpty()) {
            String acks = "*" + text.acknowledge() + ":* " + String.join(" · ", links.stream()
                    .map(l -> "<" + Escape.slack(l.url()) + "|" + text.resolution(l.resolution()) + ">").toList());
            blocks.add(new JsonObject().put("type", "section")
                    .put("text", new JsonObject().put("type", "mrkdwn").put("text", acks)));
        }
        return new JsonObject().put("text", headline).put("blocks", blocks);
    }
}
