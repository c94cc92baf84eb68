package de.wachposten.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.wachposten.model.Post;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimulatorFixture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, run against its platform's simulator over real HTTP on 127.0.0.1: history and
 * cursor on the first poll, gapless paging, resuming after a restart, edits, deletions, failure classification and
 * no credential in any error. A platform's test extends this class, creates its channel on the fixture's simulator
 * ({@link #createChannel}) and implements the hooks.
 */
public abstract class ConnectorContract {
    /** The credential every connector under test gets; it must never appear in an error message. */
    protected static final String SECRET = "tok-7f3a9c1e-contract-secret-5d2b";
    /** The wait the injected rate limit asks for. */
    protected static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(37);
    /** The fixed time of connectors and simulators, so waits compute exactly. */
    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);

    protected Vertx vertx;
    protected ConnectorEnv env;
    /** Vert.x and {@link #env} of this test, and the simulator the default {@link #startPlatform} starts. */
    protected SimulatorFixture fixture;
    /** The simulator the default {@link #startPlatform} starts. */
    protected PlatformSimulator sim;
    private Context context;

    /** How the connector under test is configured. */
    public record Settings(String secret, Duration timeout, long maxBodyBytes) {
        /** The secret above, a 10 s timeout and a 256 KiB body limit. */
        public static Settings defaults() {
            return new Settings(SECRET, Duration.ofSeconds(10), 256 * 1024);
        }

        /** The shared HTTP options with this timeout and body limit. */
        public HttpOptions httpOptions() {
            return HttpOptions.defaults().withTimeout(timeout).withMaxBodyBytes(maxBodyBytes);
        }
    }

    /** Misbehaviour the platform simulator must be able to play for the contract's channel. */
    public enum ContractFault {
        /** The platform's rate-limit response asking to wait {@link #RATE_LIMIT_WAIT}. */
        RATE_LIMITED,
        /** HTTP 500. */
        SERVER_ERROR,
        /** 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** 200 with a JSON body cut off in the middle. */
        TRUNCATED_JSON,
        /** 200 with a body far larger than the connector's limit. */
        HUGE_BODY,
        /** An answer that comes much later than the connector's timeout. */
        SLOW
    }

    /**
     * Starts the simulator with {@link #CLOCK} and creates the contract's channel (an account without posts). By
     * default it starts the fixture's simulator into {@link #sim} and calls {@link #createChannel}.
     */
    protected Future<Void> startPlatform(Vertx vertx, Clock clock) {
        return fixture.startSimulator().map(started -> {
            sim = started;
            createChannel(started);
            return null;
        });
    }

    /** Stops what {@link #startPlatform} started; by default nothing, as the fixture stops its simulator. */
    protected Future<Void> stopPlatform() {
        return Future.succeededFuture();
    }

    /** Creates the contract's channel (an account without posts) on the started simulator. */
    protected void createChannel(PlatformSimulator sim) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " creates no channel: override createChannel or startPlatform");
    }

    /** A new connector for the contract's channel. */
    protected abstract Connector connector(ConnectorEnv env, Settings settings);

    /** Publishes a post with {@code text} on the channel and returns its platform id. */
    protected abstract String publish(String text);

    /** Changes the text of a published post. */
    protected abstract void edit(String platformId, String newText);

    /** Deletes a published post. */
    protected abstract void delete(String platformId);

    /** Makes the next request for the channel misbehave once; sizes and delays exceed {@code settings}. */
    protected abstract void inject(ContractFault fault, Settings settings);

    /**
     * The most posts the platform shows without paging (a feed's window). Tests that publish more than a page between
     * two polls publish at most this many. Paging platforms keep the default (no limit).
     */
    protected int window() {
        return Integer.MAX_VALUE;
    }

    /** How a malformed-body message starts: {@code malformed JSON at}, or {@code malformed XML at} for feeds. */
    protected String malformedWording() {
        return "malformed JSON at";
    }

    @BeforeEach
    void startContract() throws Exception {
        fixture = SimulatorFixture.create(CLOCK);
        vertx = fixture.vertx();
        context = vertx.getOrCreateContext();
        env = fixture.env();
        startPlatform(vertx, CLOCK).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopContract() throws Exception {
        try {
            stopPlatform().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            fixture.close();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /**
     * The simulator fault that plays {@code fault}: sizes and delays exceed {@code settings}; the rate-limit response
     * carries a Retry-After header when {@code retryAfterHeader}.
     */
    protected static Fault simulated(ContractFault fault, Settings settings, boolean retryAfterHeader) {
        return switch (fault) {
            case RATE_LIMITED -> Fault.rateLimited(RATE_LIMIT_WAIT, retryAfterHeader);
            case SERVER_ERROR -> Fault.HTTP_500;
            case MALFORMED_JSON -> Fault.MALFORMED_JSON;
            case TRUNCATED_JSON -> Fault.TRUNCATED_JSON;
            case HUGE_BODY -> Fault.huge(settings.maxBodyBytes() * 4);
            case SLOW -> Fault.slow(settings.timeout().multipliedBy(20));
        };
    }

    /**
     * How often to play {@code fault} so that it reaches the posts request of a new connector whose first poll reads
     * the profile with a request of its own first: a profile garbled alone is skipped
     * ({@link de.wachposten.platform.ProfilePolls#tolerant}), so garbling faults must hit both requests.
     */
    protected static int timesPastTheProfileRead(ContractFault fault) {
        return switch (fault) {
            case MALFORMED_JSON, TRUNCATED_JSON, HUGE_BODY -> 2;
            default -> 1;
        };
    }

    /** Runs one fetch on a Vert.x event loop, as the pipeline does, and waits for its result. */
    protected Future<FetchResult> fetchOnEventLoop(Connector connector, String cursor, List<String> knownRecent) {
        Promise<FetchResult> promise = Promise.promise();
        context.runOnContext(v -> connector.fetch(cursor, knownRecent).onComplete(promise));
        return promise.future();
    }

    protected FetchResult poll(Connector connector, String cursor, List<String> knownRecent) {
        try {
            return fetchOnEventLoop(connector, cursor, knownRecent).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("poll failed: " + e.getMessage(), e);
        }
    }

    protected FetchResult poll(Connector connector, String cursor) {
        return poll(connector, cursor, List.of());
    }

    protected PlatformException pollFails(Connector connector, String cursor, List<String> knownRecent) {
        try {
            FetchResult r = fetchOnEventLoop(connector, cursor, knownRecent).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return fail("expected the poll to fail, got " + r.posts().size() + " posts");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(PlatformException.class);
            return (PlatformException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected List<String> publishMany(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(publish(prefix + " " + i));
        }
        return ids;
    }

    protected static List<String> ids(FetchResult result) {
        return result.posts().stream().map(Post::platformId).toList();
    }

    protected Connector connector() {
        return connector(env, Settings.defaults());
    }

    /** Polls once with default settings for a cursor, then polls with a new connector while the fault plays. */
    private PlatformException failsWith(ContractFault fault, Settings settings) {
        String cursor = poll(connector(), null).cursor();
        inject(fault, settings);
        return pollFails(connector(env, settings), cursor, List.of());
    }

    // --- the contract ------------------------------------------------------------------------------------------------

    @Test
    void firstPollReturnsTheHistoryOldestFirstAndACursor() {
        List<String> published = publishMany(3, "Historie");

        FetchResult result = poll(connector(), null);

        assertThat(ids(result)).containsExactlyElementsOf(published);
        assertThat(result.posts()).extracting(Post::text).containsExactly("Historie 1", "Historie 2", "Historie 3");
        assertThat(result.cursor()).isNotNull();
    }

    @Test
    void firstPollOfAnEmptyChannelStillGivesACursorSoLaterPostsCountAsNew() {
        Connector connector = connector();
        FetchResult first = poll(connector, null);
        String id = publish("Erster Beitrag");

        FetchResult second = poll(connector, first.cursor());

        assertThat(first.posts()).isEmpty();
        assertThat(first.cursor()).isNotNull();
        assertThat(ids(second)).containsExactly(id);
    }

    @Test
    void postsPublishedAfterTheFirstPollComeExactlyOnceOldestFirst() {
        publishMany(2, "alt");
        Connector connector = connector();
        FetchResult first = poll(connector, null);
        List<String> fresh = publishMany(3, "neu");

        FetchResult second = poll(connector, first.cursor());
        FetchResult third = poll(connector, second.cursor());

        assertThat(ids(second)).containsExactlyElementsOf(fresh);
        assertThat(third.posts()).isEmpty();
        assertThat(third.cursor()).isEqualTo(second.cursor());
    }

    @Test
    void morePostsThanOnePageArriveWithoutAGap() {
        Connector connector = connector();
        FetchResult first = poll(connector, null);
        List<String> fresh = publishMany(Math.min(95, window()), "Flut");

        FetchResult second = poll(connector, first.cursor());

        assertThat(ids(second)).containsExactlyElementsOf(fresh);
    }

    @Test
    void aNewConnectorResumingFromAPersistedCursorMissesNothingAndRepeatsNothing() {
        Connector before = connector();
        FetchResult first = poll(before, null);
        publishMany(5, "vor dem Neustart");
        String persisted = poll(before, first.cursor()).cursor();
        List<String> duringRestart = publishMany(Math.min(45, window()), "während des Neustarts");

        FetchResult resumed = poll(connector(), persisted);

        assertThat(ids(resumed)).containsExactlyElementsOf(duringRestart);
    }

    @Test
    void rateLimitFailsAsRateLimitedWithThePlatformsWait() {
        PlatformException e = failsWith(ContractFault.RATE_LIMITED, Settings.defaults());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(RATE_LIMIT_WAIT);
    }

    @Test
    void serverErrorFailsAsServerError() {
        assertThat(failsWith(ContractFault.SERVER_ERROR, Settings.defaults()).reason()).isEqualTo(Reason.SERVER_ERROR);
    }

    @Test
    void bodyThatIsNotJsonFailsAsMalformed() {
        PlatformException e = failsWith(ContractFault.MALFORMED_JSON, Settings.defaults());

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains(malformedWording());
    }

    @Test
    void truncatedBodyFailsAsMalformed() {
        assertThat(failsWith(ContractFault.TRUNCATED_JSON, Settings.defaults()).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void bodyLargerThanTheLimitFailsAsTooLarge() {
        assertThat(failsWith(ContractFault.HUGE_BODY, Settings.defaults()).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void answerSlowerThanTheTimeoutFailsAsTimeoutAndTheNextPollWorks() {
        Settings quick = new Settings(SECRET, Duration.ofSeconds(1), 256 * 1024);
        String cursor = poll(connector(), null).cursor();
        Connector connector = connector(env, quick);
        inject(ContractFault.SLOW, quick);

        PlatformException e = pollFails(connector, cursor, List.of());
        String id = publish("nach dem Timeout");

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(ids(poll(connector, cursor))).containsExactly(id);
    }

    @Test
    void anEditedPostComesBackAsANewVersion() {
        String id = publish("Erste Fassung");
        Connector connector = connector();
        FetchResult first = poll(connector, null);
        edit(id, "Zweite Fassung");

        FetchResult second = poll(connector, first.cursor(), List.of(id));

        assertThat(second.posts()).singleElement().satisfies(p -> {
            assertThat(p.platformId()).isEqualTo(id);
            assertThat(p.text()).isEqualTo("Zweite Fassung");
            assertThat(p.editedAt()).isNotNull();
        });
        assertThat(second.deletedIds()).isEmpty();
    }

    @Test
    void aDeletedPostIsReportedByItsId() {
        String kept = publish("bleibt");
        String gone = publish("wird gelöscht");
        Connector connector = connector();
        FetchResult first = poll(connector, null);
        delete(gone);

        FetchResult second = poll(connector, first.cursor(), List.of(gone, kept));

        assertThat(second.deletedIds()).containsExactly(gone);
        assertThat(second.cursor()).isEqualTo(first.cursor());
    }

    @Test
    void noErrorMessageContainsTheCredential() {
        List<String> messages = new ArrayList<>();
        Settings quick = new Settings(SECRET, Duration.ofSeconds(1), 64 * 1024);
        for (ContractFault fault : ContractFault.values()) {
            PlatformException e = failsWith(fault, quick);
            messages.add(fault + " -> " + e.reason() + ": " + e.getMessage());
        }

        assertThat(messages).hasSize(ContractFault.values().length)
                .allSatisfy(m -> assertThat(m).doesNotContain(SECRET).contains("channel"));
    }
}
