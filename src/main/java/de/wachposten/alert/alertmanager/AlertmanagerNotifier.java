package de.wachposten.alert.alertmanager;

import de.wachposten.alert.AlertText;
import de.wachposten.alert.HttpFailures;
import de.wachposten.alert.JsonSender;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Hands an alert to Prometheus Alertmanager (README, Alerts: e-mail, chat and Alertmanager): {@code POST
 * {url}/api/v2/alerts} with one postable alert. Labels identify it and stay the same across revisions of one severity:
 * {@code alertname=WachpostenAlert}, {@code alert_id} (the idempotency key), {@code channel}, {@code office}, {@code
 * platform}, {@code severity}. Reasons, headline, post text and post URL are annotations, so an added reason updates
 * the Alertmanager alert instead of creating a second one. {@code startsAt} is the alert's creation; an acknowledged or
 * resolved alert carries {@code endsAt} = its last update, which resolves it. An open alert carries {@code endsAt} =
 * attempt time + {@link #OPEN_HOLD}, because Alertmanager otherwise resolves an alert that is not re-sent within its
 * {@code resolve_timeout}. Grouping, silencing, inhibition and repeats are left to Alertmanager.
 *
 * <p>Failure contract: see {@link HttpFailures} (400 is a rejected payload, final).
 */
public final class AlertmanagerNotifier implements Notifier {
    /** The sink type this notifier serves. */
    public static final String TYPE = "alertmanager";
    /** The {@code alertname} label of every alert. */
    public static final String ALERTNAME = "WachpostenAlert";
    /** How long an open alert stays firing in Alertmanager without an update. */
    public static final Duration OPEN_HOLD = Duration.ofDays(7);
    /** Default time an attempt may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /**
     * The factory the daemon registers under {@link #TYPE}; the generator URL is {@code server.public_url}. It uses the
     * wall clock it is given, not the daemon's: Alertmanager compares {@code endsAt} with its own wall clock, so an
     * open alert's hold must be measured in wall time even when the daemon runs on a replayed clock (the demo).
     */
    public static NotifierFactory factory(Clock wallClock) {
        return (sink, office, env) -> new AlertmanagerNotifier(sink, office, env.client(), wallClock, DEFAULT_TIMEOUT,
                publicUrl(env.config()));
    }

    private final String url;
    private final String generatorUrl;
    private final Clock clock;
    private final AlertText text;
    private final JsonSender sender;

    /**
     * @param generatorUrl back-link put into {@code generatorURL}, or null
     * @throws IllegalArgumentException when the sink has no URL
     */
    public AlertmanagerNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout,
                                String generatorUrl) {
        Objects.requireNonNull(office, "office");
        if (sink.url() == null || sink.url().isBlank()) {
            throw new IllegalArgumentException("alertmanager sink of office " + office.id() + " (line "
                    + sink.line() + "): url is required");
        }
        this.url = sink.url().trim().replaceAll("/+$", "") + "/api/v2/alerts";
        this.generatorUrl = generatorUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.text = AlertText.of(office.language());
        this.sender = new JsonSender(client, clock, timeout, HttpFailures.sinkName(TYPE, office.id(), sink.url()));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Void> send(Alert alert, int revision) {
        return sender.post(url, new JsonArray().add(payload(alert, text, clock.instant(), generatorUrl)).encode());
    }

    /** The postable alert for {@code alert} as of {@code now}. */
    public static JsonObject payload(Alert alert, AlertText text, Instant now, String generatorUrl) {
        JsonObject labels = new JsonObject()
                .put("alertname", ALERTNAME)
                .put("alert_id", alert.id())
                .put("channel", alert.channelId())
                .put("office", alert.officeId())
                .put("platform", String.valueOf(alert.platform()))
                .put("severity", alert.severity().wire());
        JsonObject annotations = new JsonObject()
                .put("summary", text.headline(alert))
                .put("reasons", String.join(",", alert.reasons().stream().map(f -> f.code().code()).toList()))
                .put("text", alert.post().text())
                .put("author", String.valueOf(alert.post().author()))
                .put("revision", Integer.toString(alert.revision()));
        if (alert.post().url() != null) {
            annotations.put("post_url", alert.post().url());
        }
        Instant ends = alert.status() == AlertStatus.OPEN ? now.plus(OPEN_HOLD)
                : (alert.updatedAt() == null ? now : alert.updatedAt());
        JsonObject a = new JsonObject().put("labels", labels).put("annotations", annotations)
                .put("startsAt", alert.createdAt().toString()).put("endsAt", ends.toString());
        if (generatorUrl != null) {
            a.put("generatorURL", generatorUrl);
        }
        return a;
    }

    private static String publicUrl(Config config) {
        return config == null || config.server() == null || config.server().publicUrl() == null
                ? null : config.server().publicUrl().toString();
    }

    @Override
    public String toString() {
        return sender.name();
    }
}
