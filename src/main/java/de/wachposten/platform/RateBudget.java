package de.wachposten.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Rate-limit windows shared by every channel that uses one platform credential. Platforms limit per credential
 * (X per bearer token and endpoint, Meta per app or page token), not per channel; so the connectors of all channels
 * with the same token report what each response said ({@link #observe}) and ask before each request
 * ({@link #acquire}). Keys are a digest of the credential plus the endpoint family; the credential itself is never
 * kept. Thread-safe: connectors of different channels run on different event loops.
 *
 * <p>A window is known once a response carried limit, remaining and reset. {@link #acquire} counts down the remaining
 * requests between responses, so channels sharing a token do not all spend the last requests at once; the
 * {@code reserve} requests are left for the endpoint's other callers. When several instances share the credential
 * (they poll different channels of one config), the platform counts one budget for all of them and each response
 * tells what all of them left; so each instance spends only its share of that ({@code sharers} in {@link #observe}),
 * and together they never spend more than the platform allows.
 */
public final class RateBudget {
    private final int reserve;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        /** Requests this instance may still send in the window: its share of what the last response left. */
        long allowance;
        Instant reset;
    }

    /** A budget that keeps {@code reserve} requests of every window unused. */
    public RateBudget(int reserve) {
        if (reserve < 0) {
            throw new IllegalArgumentException("reserve must not be negative: " + reserve);
        }
        this.reserve = reserve;
    }

    /** The key of {@code endpoint} under {@code credential} (null: no credential, e.g. a per-IP limit). */
    public static String key(String credential, String endpoint) {
        if (credential == null) {
            return "anonymous " + endpoint;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + " " + endpoint;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes one request from the window of {@code key}.
     *
     * @return null when the request may go out now, else the wait until the window resets (at least one second)
     */
    public synchronized Duration acquire(String key, Instant now) {
        Window w = windows.get(key);
        if (w == null || w.reset == null || !now.isBefore(w.reset)) {
            return null;
        }
        if (w.allowance > 0) {
            w.allowance--;
            return null;
        }
        Duration wait = Duration.between(now, w.reset);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /** Records what a response said about the window of {@code key}; unknown values (-1, null) are ignored. */
    public void observe(String key, long remaining, Instant reset) {
        observe(key, remaining, reset, 1);
    }

    /**
     * Records what a response said about the window of {@code key}, which {@code sharers} instances spend together:
     * this one may send {@code (remaining - reserve) / sharers} more requests before the next response or the reset.
     */
    public synchronized void observe(String key, long remaining, Instant reset, int sharers) {
        if (remaining < 0 || reset == null) {
            return;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.allowance = Math.max(0, remaining - reserve) / Math.max(1, sharers);
        w.reset = reset;
    }

    /** Records that the window of {@code key} is used up until {@code reset} (a 429). */
    public synchronized void exhausted(String key, Instant reset) {
        if (reset != null) {
            observe(key, 0, reset, 1);
        }
    }
}
