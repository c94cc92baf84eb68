package de.wachposten.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** {@code token}: prints a new random API token and the SHA-256 to put into a user's {@code token_sha256}. */
final class TokenCommand {
    private TokenCommand() {}

    static int run(PrintStream out) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = "wp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        out.println("token:        " + token);
        out.println("token_sha256: " + sha256Hex(token));
        out.println();
        out.println("Give the token to the user; put only token_sha256 into the config (users[].token_sha256).");
        return 0;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
