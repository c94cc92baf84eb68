package de.wachposten.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, kept in memory only: a restart signs everybody out. Each sign-in creates a new random session id
 * (256 bits; a session id presented before sign-in is never reused, so fixation gains nothing) and a CSRF token of its
 * own. A session ends at sign-out or after {@link #IDLE} without a request. The map is keyed by the SHA-256 of the
 * id, so a lookup's timing says nothing about the ids held. Thread-safe.
 */
final class Sessions {
    /** A session unused this long is over. */
    static final Duration IDLE = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in user. {@code lastSeen} moves on with each request. */
    static final class Session {
        final String id;
        final String userId;
        final String csrf;
        private volatile Instant lastSeen;
        private volatile String flash;

        private Session(String id, String userId, String csrf, Instant at) {
            this.id = id;
            this.userId = userId;
            this.csrf = csrf;
            this.lastSeen = at;
        }

        /** Keeps a one-time message for the next page. */
        void flash(String message) {
            this.flash = message;
        }

        /** The one-time message, once; null when there is none. */
        String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }

        /** True when {@code presented} is this session's CSRF token (constant-time comparison). */
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for {@code userId}, with a fresh id and CSRF token; ends expired sessions on the way. */
    Session create(String userId) {
        Instant now = clock.instant();
        byHash.values().removeIf(s -> expired(s, now));
        Session s = new Session(token(), userId, token(), now);
        byHash.put(hash(s.id), s);
        return s;
    }

    /** The live session with id {@code id}; refreshes its idle time. Empty for unknown, ended or expired ids. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = hash(id);
        Session s = byHash.get(key);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            byHash.remove(key);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** True while {@code s} has neither ended nor expired; does not count as use. */
    boolean live(Session s) {
        return byHash.get(hash(s.id)) == s && !expired(s, clock.instant());
    }

    /** Ends the session (sign-out). */
    void end(Session s) {
        byHash.remove(hash(s.id));
    }

    /** Sessions held (live or not yet swept). */
    int size() {
        return byHash.size();
    }

    /** 32 random bytes, URL-safe Base64 without padding. */
    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean expired(Session s, Instant now) {
        return !s.lastSeen.plus(IDLE).isAfter(now);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
