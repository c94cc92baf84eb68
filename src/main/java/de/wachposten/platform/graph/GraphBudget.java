package de.wachposten.platform.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate budget of each access token, shared by all channels polled with it: once Meta throttles a token (error
 * code or usage header), every channel using that token waits until the time Meta named, without calling. Keyed by
 * a hash of the token, never the token. One instance per connector factory.
 */
public final class GraphBudget {
    private final ConcurrentHashMap<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    /** The time until which {@code token} must not be used, or null. */
    public Instant blockedUntil(String token, Instant now) {
        Instant until = blockedUntil.get(key(token));
        return until != null && until.isAfter(now) ? until : null;
    }

    /** Records that {@code token} may not be used before {@code until}. */
    public void block(String token, Instant until) {
        blockedUntil.merge(key(token), until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static String key(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
