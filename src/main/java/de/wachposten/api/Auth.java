package de.wachposten.api;

import de.wachposten.config.User;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the SHA-256 of the token is compared with every user's
 * {@code token_sha256} using {@link MessageDigest#isEqual} (constant time), always against all users, with no early
 * exit and no lookup by hash, so the response time does not depend on which user matched. The user is put into the
 * routing context under {@link #USER}. The token itself is neither logged nor echoed.
 */
public final class Auth {
    /** Key of the authenticated {@link User} in the routing context. */
    public static final String USER = "wachposten.user";

    private static final String SCHEME = "bearer ";

    private record Credential(User user, byte[] digest) {}

    private final List<Credential> credentials;

    /** @param users the configured users; users without a valid {@code token_sha256} can never log in */
    public Auth(List<User> users) {
        List<Credential> list = new ArrayList<>();
        for (User u : users) {
            byte[] digest = decode(u.tokenSha256());
            if (digest != null) {
                list.add(new Credential(u, digest));
            }
        }
        this.credentials = List.copyOf(list);
    }

    /** Route handler: continues with the user set, or fails with 401. */
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("missing bearer token (Authorization: Bearer <token>)");
        }
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw ApiException.unauthorized("the Authorization header must use the Bearer scheme");
        }
        User user = authenticate(header.substring(SCHEME.length()).trim());
        if (user == null) {
            throw ApiException.unauthorized("invalid bearer token");
        }
        ctx.put(USER, user);
        ctx.next();
    }

    /** The user whose token hash equals the hash of {@code token}, or null. Compares against every user. */
    public User authenticate(String token) {
        byte[] presented = sha256(token);
        User found = null;
        for (Credential c : credentials) {
            boolean equal = MessageDigest.isEqual(presented, c.digest());
            found = equal ? c.user() : found;
        }
        return found;
    }

    /** The authenticated caller of a request that passed this handler. */
    public static User user(RoutingContext ctx) {
        User u = ctx.get(USER);
        if (u == null) {
            throw new IllegalStateException("route is not behind Auth");
        }
        return u;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
