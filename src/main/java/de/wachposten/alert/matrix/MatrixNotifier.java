package de.wachposten.alert.matrix;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.Escape;
import de.wachposten.alert.HttpFailures;
import de.wachposten.alert.JsonSender;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Sends an alert into a Matrix room (README, Alerts: e-mail, chat and Alertmanager):
 * {@code PUT {url}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}} with {@code Authorization: Bearer}.
 * The transaction id is {@code <alert id>_r<revision>}, so the homeserver drops a retried duplicate. The event is an
 * {@code m.notice} with a plain {@code body} (mentions broken) and an HTML-escaped {@code formatted_body}.
 *
 * <p>Failure contract: see {@link HttpFailures}. An access token whose environment variable is unset fails the attempt
 * as retryable without sending. Neither token nor URL query appears in any message.
 */
public final class MatrixNotifier implements Notifier {
    /** The sink type this notifier serves. */
    public static final String TYPE = "matrix";
    /** Default time an attempt may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** The factory the daemon registers under {@link #TYPE}. */
    public static final NotifierFactory FACTORY =
            (sink, office, env) -> new MatrixNotifier(sink, office, env.client(), env.clock(), DEFAULT_TIMEOUT,
                    env.ackLinks());

    private final String base;
    private final String room;
    private final Secret token;
    private final String officeId;
    private final AlertText text;
    private final JsonSender sender;
    private final AckLinks ackLinks;

    /**
     * Without acknowledgement links.
     *
     * @throws IllegalArgumentException when url, room or access_token is missing
     */
    public MatrixNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout) {
        this(sink, office, client, clock, timeout, null);
    }

    /**
     * @param ackLinks signer of one-click acknowledgement links, or null for none
     * @throws IllegalArgumentException when url, room or access_token is missing 
     */
    public MatrixNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                 AckLinks ackLinks) {
        this.ackLinks = ackLinks;
        this.officeId = Objects.requireNonNull(office, "office").id();
        String where = "matrix sink of office " + officeId + " (line " + sink.line() + "): ";
        if (sink.url() == null || sink.url().isBlank()) {
            throw new IllegalArgumentException(where + "url is required");
        }
        if (sink.room() == null || sink.room().isBlank() || sink.accessToken() == null) {
            throw new IllegalArgumentException(where + "room and access_token are required");
        }
        this.base = sink.url().trim().replaceAll("/+$", "");
        this.room = sink.room();
        this.token = sink.accessToken();
        this.text = AlertText.of(office.language());
        this.sender = new JsonSender(client, clock, timeout, HttpFailures.sinkName(TYPE, officeId, base));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Void> send(Alert alert, int revision) {
        if (!token.isSet()) {
            return Future.failedFuture(new DeliveryException("matrix access token for office " + officeId
                    + ": environment variable " + token.envVar() + " is not set", true));
        }
        String url = base + "/_matrix/client/v3/rooms/" + enc(room) + "/send/m.room.message/"
                + enc(txnId(alert, revision));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer " + token.reveal());
        return sender.send(HttpMethod.PUT, url, payload(alert, text, links(alert)).encode(), headers);
    }

    /** The transaction id of one revision: the same across retries, new per revision. */
    public static String txnId(Alert alert, int revision) {
        return alert.id() + "_r" + revision;
    }

    /** The {@code m.room.message} event for {@code alert}, without acknowledgement links. */
    public static JsonObject payload(Alert alert, AlertText text) {
        return payload(alert, text, List.of());
    }

    /** The {@code m.room.message} event for {@code alert} with the acknowledgement {@code links}. */
    public static JsonObject payload(Alert alert, AlertText text, List<AckLinks.Link> links) {
        String url = alert.post().url();
        String author = Escape.mentions(String.valueOf(alert.post().author()));
        String post = Escape.mentions(alert.post().text());
        String plain = text.headline(alert) + "\n" + text.published(alert) + " · " + author + "\n> "
                + post.replace("\n", "\n> ") + (url == null ? "" : "\n" + url);
        StringBuilder html = new StringBuilder("<b>").append(Escape.html(text.headline(alert))).append("</b><br>")
                .append(Escape.html(text.published(alert))).append(" · ").append(Escape.html(author))
                .append("<blockquote>").append(Escape.html(post).replace("\n", "<br>")).append("</blockquote>");
        if (url != null) {
            html.append("<a href=\"").append(Escape.html(url)).append("\">").append(Escape.html(text.openPost()))
                    .append("</a>");
        }
        for (AckLinks.Link l : links) {
            plain += "\n" + text.acknowledgeAs(l.resolution()) + ": " + l.url();
            html.append("<br><a href=\"").append(Escape.html(l.url())).append("\">")
                    .append(Escape.html(text.acknowledgeAs(l.resolution()))).append("</a>");
        }
        return new JsonObject().put("msgtype", "m.notice").put("body", plain)
                .put("format", "org.matrix.custom.html").put("formatted_body", html.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<AckLinks.Link> links(Alert alert) {
        return ackLinks == null || alert.status() != AlertStatus.OPEN ? List.of() : ackLinks.links(alert.id());
    }

    @Override
    public String toString() {
        return sender.name();
    }
}
