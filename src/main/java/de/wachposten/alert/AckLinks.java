package de.wachposten.alert;

import de.wachposten.model.Resolution;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring one-click acknowledgement links: {@code {public_url}/ack/{token}}. The token is
 * {@code base64url(alertId "~" resolution "~" expiryEpochSeconds) "." base64url(HMAC-SHA256(key, that payload))}; the
 * signature is the only credential, so a link acknowledges exactly one alert with exactly one resolution until it
 * expires. Single use follows from the alert: once it is no longer open, every link of it reports that it was used.
 */
public final class AckLinks {
    /** How long a link stays valid by default. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    /** The path prefix the API server serves links under. */
    public static final String PATH = "/ack/";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** A link for {@code resolution} of one alert. */
    public record Link(Resolution resolution, String url) {}

    /** A verified token: the alert, the resolution and when the link expires. */
    public record Claim(String alertId, Resolution resolution, Instant expires) {}

    /** Why a token is refused. */
    public enum Problem { MALFORMED, BAD_SIGNATURE, EXPIRED }

    /** The outcome of {@link #verify}: a claim, or the problem. */
    public record Check(Claim claim, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final byte[] key;
    private final String base;
    private final Duration validity;
    private final Clock clock;

    /**
     * @param key       the signing key (at least 32 bytes)
     * @param publicUrl the daemon's public URL, e.g. {@code https://wachposten.example}
     * @param validity  how long a link stays valid
     * @param clock     source of "now" for expiry
     */
    public AckLinks(byte[] key, String publicUrl, Duration validity, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the acknowledgement link key must have at least 32 bytes");
        }
        this.key = key.clone();
        this.base = Objects.requireNonNull(publicUrl, "publicUrl").replaceAll("/+$", "") + PATH;
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One link per resolution for {@code alertId}, valid from now for the configured validity. */
    public List<Link> links(String alertId) {
        Instant expires = clock.instant().plus(validity);
        return List.of(Resolution.values()).stream()
                .map(r -> new Link(r, base + token(alertId, r, expires)))
                .toList();
    }

    /** The token of one link. */
    public String token(String alertId, Resolution resolution, Instant expires) {
        String payload = alertId + "~" + resolution.wire() + "~" + expires.getEpochSecond();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(p) + "." + B64.encodeToString(hmac(p));
    }

    /** Checks a token's form, signature (constant time) and expiry. */
    public Check verify(String token) {
        if (token == null || token.length() > 512) {
            return new Check(null, Problem.MALFORMED);
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] sig;
        try {
            payload = B64D.decode(token.substring(0, Math.max(dot, 0)));
            sig = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return new Check(null, Problem.MALFORMED);
        }
        if (dot <= 0 || !MessageDigest.isEqual(hmac(payload), sig)) {
            return new Check(null, dot <= 0 ? Problem.MALFORMED : Problem.BAD_SIGNATURE);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("~");
        try {
            Claim c = new Claim(parts[0], Resolution.parse(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return clock.instant().isAfter(c.expires()) ? new Check(c, Problem.EXPIRED) : new Check(c, null);
        } catch (RuntimeException e) {
            return new Check(null, Problem.MALFORMED);
        }
    }

    private byte[] hmac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "AckLinks(" + base + ", key <secret>)";
    }
}
