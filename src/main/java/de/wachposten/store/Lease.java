package de.wachposten.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A lease on a named piece of work (a channel's polling, a job that runs once per cluster), held by one instance
 * until it expires, renews or releases it.
 *
 * @param name      what is leased: {@code channel:<id>} or {@code job:<name>}
 * @param holder    the instance holding it
 * @param token     the fencing token: it grows by one each time the lease passes to another holder, and a write
 *                  fenced with an older token is refused ({@link LeaseLostException})
 * @param expiresAt when the lease lapses unless renewed; a released lease has lapsed
 */
public record Lease(String name, String holder, long token, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The lease name of channel {@code channelId}. */
    public static String channel(String channelId) {
        return "channel:" + channelId;
    }

    /** The lease name of job {@code job}. */
    public static String job(String job) {
        return "job:" + job;
    }

    /** True while the lease is held at {@code at}. */
    public boolean liveAt(Instant at) {
        return expiresAt.isAfter(at);
    }
}
