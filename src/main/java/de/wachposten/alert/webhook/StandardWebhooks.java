package de.wachposten.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric ({@code v1}, HMAC-SHA256) scheme of Standard Webhooks 1.0: the signed content is
 * {@code {webhook-id}.{webhook-timestamp}.{raw body}}, the key is the base64-decoded part of a {@code whsec_} secret.
 * Nothing here prints a secret: errors only say what is wrong with it.
 */
public final class StandardWebhooks {
    /** Prefix of a symmetric secret as the spec writes it. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private StandardWebhooks() {}

    /**
     * Signs one message.
     *
     * @param whsecSecret      {@code whsec_} + base64 key (a bare base64 key is accepted as well)
     * @param msgId            the {@code webhook-id} header
     * @param timestampSeconds the {@code webhook-timestamp} header, unix seconds
     * @param body             the exact bytes sent
     * @return {@code v1,} + base64 of the HMAC-SHA256
     * @throws IllegalArgumentException when the secret is not valid base64 (the message does not contain it)
     */
    public static String sign(String whsecSecret, String msgId, long timestampSeconds, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(key(whsecSecret), msgId, timestampSeconds, body));
    }

    /**
     * Verifies a received message as a receiver should: the timestamp lies within {@code toleranceSeconds} of
     * {@code nowSeconds} and one of the space-separated {@code v1,} signatures matches (compared in constant time).
     * Signatures of other schemes ({@code v1a,}) are ignored.
     *
     * @return true when the message is authentic and fresh; false for anything malformed
     */
    public static boolean verify(String whsecSecret, String msgId, String ts, byte[] body, String signatureHeader,
                                 long nowSeconds, long toleranceSeconds) {
        if (msgId == null || ts == null || body == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected;
        try {
            expected = sign(whsecSecret, msgId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (candidate.startsWith(VERSION)) {
                match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    /** Whether {@code whsecSecret} decodes to a usable key. */
    public static boolean isValidSecret(String whsecSecret) {
        try {
            key(whsecSecret);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] key(String whsecSecret) {
        if (whsecSecret == null) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
        String b64 = whsecSecret.startsWith(SECRET_PREFIX) ? whsecSecret.substring(SECRET_PREFIX.length()) : whsecSecret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(b64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not valid base64 after '" + SECRET_PREFIX + "'");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String msgId, long ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((msgId + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
