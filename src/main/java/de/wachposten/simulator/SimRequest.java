package de.wachposten.simulator;

/**
 * One request the simulator received.
 *
 * @param route         the route name, e.g. {@code mastodon.statuses}
 * @param account       the account the request concerns, or null when unknown
 * @param uri           path and query as sent
 * @param authorization the Authorization header, or null
 * @param receivedNanos {@link System#nanoTime()} when the request arrived, for measuring gaps between polls
 */
public record SimRequest(String route, String account, String uri, String authorization, long receivedNanos) {

    /** A request received now. */
    public SimRequest(String route, String account, String uri, String authorization) {
        this(route, account, uri, authorization, System.nanoTime());
    }
}
