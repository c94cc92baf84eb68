package de.wachposten.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.RateBudget;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure messages of the shared GET: secrets scrubbed even when echoed, error bodies read, budget respected. */
class JsonGetTest {
    private static final String TOKEN = "tok-echoed-9b1f";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private Vertx vertx;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            requests.incrementAndGet();
            String auth = req.getHeader("Authorization");
            req.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"title\":\"Unauthorized\",\"detail\":\"token " + auth + " is not valid\"}");
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private JsonGet client(RateBudget budget) {
        return new JsonGet(new JsonGet.Target("twitter", "sms-twitter", "http://127.0.0.1:" + server.actualPort() + "/",
                TOKEN), new ConnectorEnv(vertx, WebClient.create(vertx), CLOCK),
                new JsonGet.Limits(Duration.ofSeconds(5), 1024), RateHeaders.X,
                body -> body.path("title").asText() + ": " + body.path("detail").asText(), budget);
    }

    private static PlatformException failure(io.vertx.core.Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return (PlatformException) e.getCause();
        }
    }

    @Test
    void aTokenTheServerEchoesIsReplacedInTheMessage() throws Exception {
        PlatformException e = failure(client(null).get("/2/users/by/username/x"));

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).isEqualTo("poll twitter channel sms-twitter: HTTP 401 on GET /2/users/by/username/x"
                + " (Unauthorized: token Bearer <secret> is not valid)");
    }

    @Test
    void aUsedUpSharedWindowFailsWithoutSendingTheRequest() throws Exception {
        RateBudget budget = new RateBudget(0);
        String key = RateBudget.key(TOKEN, "twitter timeline");
        budget.exhausted(key, CLOCK.instant().plusSeconds(120));

        PlatformException e = failure(client(budget).get("/2/users/1/tweets", key));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(requests).hasValue(0);
    }
}
