package de.wachposten.api;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertService;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.Escape;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * {@code /ack/{token}}: the one-click acknowledgement links of e-mail and chat messages. No login: the link's
 * signature is the credential for exactly this alert and resolution. {@code GET} shows a small confirmation page
 * (everything from the post HTML-escaped); {@code POST} acknowledges the alert as user {@value #BY} (the store audits
 * it), and its sinks hear of it at once. A link of an alert that is no longer open says it was used already; a forged
 * or expired one is refused. Pages are in the office's language and are not cached, framed or sent as referrer.
 */
public final class AckLinkHandler {
    /** The {@code by} recorded for acknowledgements through a link. */
    public static final String BY = "ack-link";

    private final Vertx vertx;
    private final Config config;
    private final Store store;
    private final AckLinks links;
    private final AlertService alerts;

    /**
     * @param config           offices (for the page language)
     * @param store            the blocking store; called on worker threads only
     * @param links            verifies the tokens
     * @param alerts           acknowledges the alert (once: the store refuses an alert that is no longer open)
     */
    public AckLinkHandler(Vertx vertx, Config config, Store store, AckLinks links, AlertService alerts) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.links = Objects.requireNonNull(links, "links");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    /** {@code GET /ack/{token}}: the confirmation page, or why the link cannot be used. */
    public void page(RoutingContext ctx) {
        handle(ctx, false);
    }

    /** {@code POST /ack/{token}}: acknowledges the alert, once. */
    public void ack(RoutingContext ctx) {
        handle(ctx, true);
    }

    private record Outcome(int status, String html, boolean changed) {}

    private void handle(RoutingContext ctx, boolean act) {
        AckLinks.Check check = links.verify(ctx.pathParam("token"));
        if (!check.ok()) {
            boolean expired = check.problem() == AckLinks.Problem.EXPIRED;
            send(ctx, new Outcome(expired ? 410 : 403, AckPages.refused(expired), false));
            return;
        }
        AckLinks.Claim claim = check.claim();
        vertx.executeBlocking(() -> act ? acknowledge(claim) : confirm(claim), false)
                .onSuccess(o -> send(ctx, o))
                .onFailure(ctx::fail);
    }

    private Outcome confirm(AckLinks.Claim claim) {
        Alert a = store.alert(claim.alertId()).orElse(null);
        if (a == null) {
            return new Outcome(404, AckPages.unknown(), false);
        }
        AlertText t = AlertText.of(language(a.officeId()));
        if (a.status() != AlertStatus.OPEN) {
            return new Outcome(409, AckPages.used(t, a), false);
        }
        return new Outcome(200, AckPages.confirm(t, a, claim.resolution()), false);
    }

    private Outcome acknowledge(AckLinks.Claim claim) {
        Outcome page = confirm(claim);
        if (page.status() != 200) {
            return page;
        }
        Alert a = store.alert(claim.alertId()).orElseThrow();
        AlertText t = AlertText.of(language(a.officeId()));
        try {
            return new Outcome(200, AckPages.done(t, alerts.acknowledge(a.id(), claim.resolution(), BY)), true);
        } catch (IllegalStateException e) {
            // Another click or an API call acknowledged it in between: the store lets only one through.
            return new Outcome(409, AckPages.used(t, store.alert(a.id()).orElse(a)), false);
        }
    }

    private String language(String officeId) {
        return config.office(officeId).map(Office::language).orElse("de");
    }

    private static void send(RoutingContext ctx, Outcome o) {
        ctx.response().setStatusCode(o.status())
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .end(o.html());
    }

    /** Escapes for pages; exposed for the page builder. */
    static String h(String s) {
        return Escape.html(s == null ? "" : s);
    }
}
