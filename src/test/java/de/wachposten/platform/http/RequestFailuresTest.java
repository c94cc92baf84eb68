package de.wachposten.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RequestFailuresTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final RequestFailures.Failure NAMED = (reason, detail, retryAfter) ->
            new PlatformException(reason, "poll demo channel c1: " + detail, retryAfter);

    private static PlatformException transport(Throwable cause) {
        return RequestFailures.transport(cause, "GET /feed?page=2", TIMEOUT, NAMED);
    }

    @Test
    void aBodyOverTheLimitIsTooLargeWhereverItSitsInTheCauseChain() {
        PlatformException e = transport(new IOException("stream closed", new LimitedBody.BodyTooLargeException(4096)));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e).hasMessage("poll demo channel c1: response to GET /feed?page=2 is larger than 4096 bytes");
    }

    @Test
    void aTimeoutInTheChainSaysHowLongTheRequestMayTake() {
        PlatformException e = transport(new RuntimeException(new TimeoutException("idle")));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e).hasMessage("poll demo channel c1: no complete response to GET /feed?page=2 within 1500 ms");
    }

    @Test
    void aPlatformFailureInTheChainIsKeptAsItIs() {
        PlatformException inner = new PlatformException(Reason.AUTH, "poll demo channel c1: token revoked");

        assertThat(transport(new RuntimeException(inner))).isSameAs(inner);
    }

    @Test
    void tlsAndOtherNetworkErrorsNameTheirKindAndAShortenedCause() {
        PlatformException tls = transport(new SSLHandshakeException("unable to find\n  valid certification path"));
        PlatformException refused = transport(new ConnectException("Connection refused: " + "x".repeat(300)));

        assertThat(tls.reason()).isEqualTo(Reason.NETWORK);
        assertThat(tls).hasMessage("poll demo channel c1: TLS error on GET /feed?page=2: SSLHandshakeException"
                + " unable to find valid certification path");
        assertThat(refused.reason()).isEqualTo(Reason.NETWORK);
        assertThat(refused.getMessage()).startsWith("poll demo channel c1: network error on GET /feed?page=2:"
                + " ConnectException Connection refused: xxx").endsWith("x…");
    }

    @Test
    void aStatusMeansServerErrorAuthNotFoundClientErrorOrMalformed() {
        assertThat(RequestFailures.reasonFor(503)).isEqualTo(Reason.SERVER_ERROR);
        assertThat(RequestFailures.reasonFor(401)).isEqualTo(Reason.AUTH);
        assertThat(RequestFailures.reasonFor(403)).isEqualTo(Reason.AUTH);
        assertThat(RequestFailures.reasonFor(404)).isEqualTo(Reason.NOT_FOUND);
        assertThat(RequestFailures.reasonFor(410)).isEqualTo(Reason.NOT_FOUND);
        assertThat(RequestFailures.reasonFor(422)).isEqualTo(Reason.CLIENT_ERROR);
        assertThat(RequestFailures.reasonFor(304)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aDetailIsShortenedToOneLineOf160Characters() {
        assertThat(RequestFailures.shorten(null)).isEmpty();
        assertThat(RequestFailures.shorten("  two\n\tlines ")).isEqualTo("two lines");
        assertThat(RequestFailures.shorten("y".repeat(200))).isEqualTo("y".repeat(160) + "…");
    }
}
