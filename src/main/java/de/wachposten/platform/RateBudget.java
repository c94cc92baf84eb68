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
 * {@code reserve} requests are left for the endpoint's other callers.
 */
public final class RateBudget {
    private final int reserve;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        long remaining;
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
        if (w.remaining > reserve) {
            w.remaining--;
            return null;
        }
        Duration wait = Duration.between(now, w.reset);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /** Records what a response said about the window of {@code key}; unknown values (-1, null) are ignored. */
    public synchronized void observe(String key, long remaining, Instant reset) {
        if (remaining < 0 || reset == null) {
            return;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.remaining = remaining;
        w.reset = reset;
    }

    /** Records that the window of {@code key} is used up until {@code reset} (a 429). */
    public synchronized void exhausted(String key, Instant reset) {
        if (reset != null) {
            observe(key, 0, reset);
        }
    }
}
