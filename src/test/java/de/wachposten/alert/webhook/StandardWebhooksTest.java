package de.wachposten.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
    // The published Standard Webhooks test vector: a receiver's library verifies what we sign.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signReproducesThePublishedTestVector() {
        assertThat(StandardWebhooks.sign(SECRET, ID, TS, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void aSecretWithoutThePrefixSignsTheSame() {
        assertThat(StandardWebhooks.sign(SECRET.substring("whsec_".length()), ID, TS, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifyAcceptsTheTestVectorWithinTheTolerance() {
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, SIGNATURE, TS + 299, 300)).isTrue();
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, SIGNATURE, TS - 299, 300)).isTrue();
    }

    @Test
    void verifyRejectsATimestampOutsideTheTolerance() {
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, SIGNATURE, TS + 301, 300)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, SIGNATURE, TS - 301, 300)).isFalse();
    }

    @Test
    void verifyFindsTheMatchingSignatureInASpaceSeparatedList() {
        String header = "v1a,c29tZXRoaW5nIGVsc2U= v1,bm9wZQ== " + SIGNATURE;
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, header, TS, 300)).isTrue();
    }

    @Test
    void verifyRejectsAChangedBodyIdOrTimestamp() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), changed, SIGNATURE, TS, 300)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID + "x", Long.toString(TS), BODY, SIGNATURE, TS, 300)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS + 1), BODY, SIGNATURE, TS, 300)).isFalse();
    }

    @Test
    void verifyRejectsMalformedInputWithoutThrowing() {
        assertThat(StandardWebhooks.verify(SECRET, ID, "yesterday", BODY, SIGNATURE, TS, 300)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, null, TS, 300)).isFalse();
        assertThat(StandardWebhooks.verify("whsec_%%%", ID, Long.toString(TS), BODY, SIGNATURE, TS, 300)).isFalse();
        assertThat(StandardWebhooks.verify(SECRET, ID, Long.toString(TS), BODY, "", TS, 300)).isFalse();
    }

    @Test
    void anInvalidSecretIsRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> StandardWebhooks.sign("whsec_not*base64*TOPSECRET", ID, TS, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("TOPSECRET");
        assertThat(StandardWebhooks.isValidSecret("whsec_not*base64")).isFalse();
        assertThat(StandardWebhooks.isValidSecret(SECRET)).isTrue();
    }
}
