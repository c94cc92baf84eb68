package de.wachposten.alert.mattermost;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.ChatWebhook;
import de.wachposten.alert.Escape;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Posts an alert to a Mattermost incoming webhook (README, Alerts: e-mail, chat and Alertmanager): {@code {"username",
 * "text"}} with a Markdown heading, a table of reasons, the quoted post and a link to it. Untrusted text is
 * Markdown-escaped and its {@code @} mentions are broken, so a post cannot ping {@code @channel} or form links.
 *
 * <p>Failure contract: see {@link ChatWebhook}. The hook URL is a credential; messages print it without query.
 */
public final class MattermostNotifier extends ChatWebhook {
    /** The sink type this notifier serves. */
    public static final String TYPE = "mattermost";
    /** The factory the daemon registers under {@link #TYPE}. */
    public static final NotifierFactory FACTORY = factory(MattermostNotifier::new);

    /**
     * Without acknowledgement links.
     *
     * @throws IllegalArgumentException when the sink has no URL
     */
    public MattermostNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout) {
        this(sink, office, client, clock, timeout, null);
    }

    /**
     * @param ackLinks signer of one-click acknowledgement links, or null for none
     * @throws IllegalArgumentException when the sink has no URL
     */
    public MattermostNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                              AckLinks ackLinks) {
        super(TYPE, sink, office, client, clock, timeout, ackLinks, MattermostNotifier::payload);
    }

    /** The message body for {@code alert}, without acknowledgement links. */
    public static JsonObject payload(Alert alert, AlertText text) {
        return payload(alert, text, List.of());
    }

    /** The message body for {@code alert} with one acknowledgement link per resolution in {@code links}. */
    public static JsonObject payload(Alert alert, AlertText text, List<AckLinks.Link> links) {
        StringBuilder md = new StringBuilder("#### :rotating_light: ")
                .append(Escape.markdown(text.headline(alert))).append('\n')
                .append(Escape.markdown(text.published(alert))).append(" · ")
                .append(Escape.markdown(String.valueOf(alert.post().author()))).append("\n\n");
        md.append("| ").append(text.reasonsLabel()).append(" | Detail |\n|---|---|\n");
        for (Finding f : alert.reasons()) {
            md.append("| ").append(Escape.markdown(text.reason(f.code()))).append(" | ")
                    .append(Escape.markdown(f.detail()).replace("\n", " ")).append(" |\n");
        }
        md.append('\n');
        for (String line : alert.post().text().split("\n", -1)) {
            md.append("> ").append(Escape.markdown(line)).append('\n');
        }
        if (alert.post().url() != null) {
            md.append('\n').append('[').append(text.openPost()).append("](<")
                    .append(alert.post().url().replace(">", "%3E").replace(" ", "%20")).append(">)");
        }
        if (!links.isEmpty()) {
            md.append("\n**").append(text.acknowledge()).append(":** ").append(String.join(" · ", links.stream()
                    .map(l -> "[" + text.resolution(l.resolution()) + "](<" + l.url() + ">)").toList()));
        }
        return new JsonObject().put("username", "Wachposten").put("text", md.toString());
    }
}
