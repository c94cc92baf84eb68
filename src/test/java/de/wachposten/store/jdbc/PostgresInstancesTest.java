package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.AuditCheck;
import de.wachposten.store.Delivery;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoredPost;
import de.wachposten.testkit.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two store instances on one PostgreSQL database, as two daemons have them: what they do at the same time. */
class PostgresInstancesTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String CHANNEL = "sms-twitter";
    private static final Recipients TWO_SINKS = Recipients.fixed(List.of("sms-presse#0:webhook", "sms-presse#1:email"));

    private JdbcStore a;
    private JdbcStore b;
    private ExecutorService pool;

    @BeforeEach
    void twoInstances() {
        String url = PostgresServer.get().createDatabase();
        a = open(url);
        b = open(url);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        a.close();
        b.close();
    }

    private static JdbcStore open(String url) {
        return PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null, 4, Duration.ofSeconds(10),
                Duration.ofSeconds(30)), false, CLOCK);
    }

    private static Post post(String id, String text) {
        return new Post(CHANNEL, "twitter", id, null, "SMS_Sachsen", text, T0, null, null, "de", List.of(), T0, "{}");
    }

    private static Post edit(String id, String text) {
        return new Post(CHANNEL, "twitter", id, null, "SMS_Sachsen", text, T0, T0.plusSeconds(60), null, "de",
                List.of(), T0.plusSeconds(60), "{}");
    }

    /** Runs the tasks at once (released together by a barrier) and returns their results, failing on any error. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return t.call();
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void bothInstancesCommittingDetectionOfTheSamePostMakeOneAlertWithOneEntryPerSink() throws Exception {
        List<Finding> findings = List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval"));
        for (int i = 0; i < 20; i++) {
            StoredPost v = a.ingest(CHANNEL, List.of(post("p" + i, "Text " + i)), List.of(), "c", false, T0).getFirst();
            List<Optional<Alert>> results = together(List.of(
                    () -> a.commitDetection(v, findings, null, "sms-presse", TWO_SINKS, T0.plusSeconds(1)),
                    () -> b.commitDetection(v, findings, null, "sms-presse", TWO_SINKS, T0.plusSeconds(1))));

            String id = Alert.idFor(CHANNEL, "p" + i);
            assertThat(results).allSatisfy(r -> assertThat(r).hasValueSatisfying(al -> {
                assertThat(al.id()).isEqualTo(id);
                assertThat(al.revision()).isEqualTo(1);
            }));
            assertThat(a.deliveries(id)).hasSize(2);
        }
        assertThat(b.alerts(null, CHANNEL)).hasSize(20);
        assertThat(a.verifyAudit().ok()).isTrue();
    }

    @Test
    void twoVersionsOfAPostDetectedOnTwoInstancesAtOnceGiveOneAlertThatCarriesBothReasons() throws Exception {
        Finding unapproved = Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval");
        Finding hours = Finding.of(ReasonCode.OUTSIDE_HOURS, Severity.MEDIUM, "06:30");
        for (int i = 0; i < 10; i++) {
            StoredPost v1 = a.ingest(CHANNEL, List.of(post("q" + i, "Erst")), List.of(), "c", false, T0).getFirst();
            StoredPost v2 = b.ingest(CHANNEL, List.of(edit("q" + i, "Dann")), List.of(), "c", false, T0).getFirst();
            together(List.<Callable<Optional<Alert>>>of(
                    () -> a.commitDetection(v1, List.of(unapproved), null, "sms-presse", TWO_SINKS, T0),
                    () -> b.commitDetection(v2, List.of(hours), null, "sms-presse", TWO_SINKS, T0)));

            Alert alert = a.alert(Alert.idFor(CHANNEL, "q" + i)).orElseThrow();
            assertThat(alert.reasons()).extracting(Finding::code)
                    .containsExactlyInAnyOrder(ReasonCode.UNAPPROVED, ReasonCode.OUTSIDE_HOURS);
            assertThat(alert.revision()).isEqualTo(2);
            assertThat(b.deliveries(alert.id())).extracting(d -> d.get("revision")).containsExactlyInAnyOrder(1, 1, 2, 2);
        }
        assertThat(a.pendingDetection(100)).isEmpty();
        assertThat(b.verifyAudit().ok()).isTrue();
    }

    @Test
    void auditAppendsFromTwoInstancesAtOnceFormOneChainThatVerifies() throws Exception {
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            JdbcStore store = w % 2 == 0 ? a : b;
            int writer = w;
            writers.add(() -> {
                for (int i = 0; i < 40; i++) {
                    store.audit("test.event", "writer/" + writer, Map.of("i", i), T0.plusSeconds(i));
                }
                return writer;
            });
        }
        together(writers);

        AuditCheck check = b.verifyAudit();
        assertThat(check).isEqualTo(new AuditCheck(320, true, -1, null));
        assertThat(a.auditEvents(null, null, null)).extracting(e -> (Long) e.get("seq"))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 320).boxed().toList());
    }

    @Test
    void twoInstancesClaimingDueDeliveriesAtOnceNeverGetTheSameEntry() throws Exception {
        List<Finding> findings = List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval"));
        for (int i = 0; i < 30; i++) {
            StoredPost v = a.ingest(CHANNEL, List.of(post("d" + i, "Text " + i)), List.of(), "c", false, T0).getFirst();
            a.commitDetection(v, findings, null, "sms-presse", TWO_SINKS, T0);
        }
        Instant now = T0.plusSeconds(5);
        List<Callable<Set<Long>>> claimers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            JdbcStore store = w % 2 == 0 ? a : b;
            claimers.add(() -> {
                Set<Long> mine = new HashSet<>();
                for (int round = 0; round < 10; round++) {
                    store.dueDeliveries(now, 7).forEach(d -> mine.add(d.id()));
                }
                return mine;
            });
        }
        List<Set<Long>> claimed = together(claimers);

        Set<Long> byA = new HashSet<>();
        Set<Long> byB = new HashSet<>();
        for (int w = 0; w < claimed.size(); w++) {
            (w % 2 == 0 ? byA : byB).addAll(claimed.get(w));
        }
        assertThat(byA).doesNotContainAnyElementsOf(byB);
        Set<Long> restA = new HashSet<>(a.dueDeliveries(now, 100).stream().map(Delivery::id).toList());
        Set<Long> restB = new HashSet<>(b.dueDeliveries(now, 100).stream().map(Delivery::id).toList());
        assertThat(restA).containsAll(byA).doesNotContainAnyElementsOf(restB);
        assertThat(restB).containsAll(byB);
        assertThat(restA.size() + restB.size()).isEqualTo(60);
    }

    @Test
    void theClaimsOfAnInstanceThatStoppedLapseAndARecordedOutcomeEndsAClaim() {
        List<Finding> findings = List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval"));
        StoredPost v = a.ingest(CHANNEL, List.of(post("e1", "Text")), List.of(), "c", false, T0).getFirst();
        a.commitDetection(v, findings, null, "sms-presse", TWO_SINKS, T0);

        List<Delivery> mine = a.dueDeliveries(T0, 10);
        assertThat(mine).hasSize(2);
        Instant renewed = T0.plus(OutboxRepository.CLAIM_LEASE).minusSeconds(1);
        assertThat(b.dueDeliveries(renewed, 10)).isEmpty();
        assertThat(a.dueDeliveries(renewed, 10)).hasSize(2);

        a.deliveryRetry(mine.get(0).id(), renewed.plusSeconds(1), "HTTP 503");
        assertThat(b.dueDeliveries(renewed.plusSeconds(1), 10)).extracting(Delivery::id)
                .containsExactly(mine.get(0).id());

        Instant afterLease = renewed.plus(OutboxRepository.CLAIM_LEASE).plusSeconds(1);
        assertThat(b.dueDeliveries(afterLease, 10)).extracting(Delivery::id)
                .containsExactlyInAnyOrder(mine.get(0).id(), mine.get(1).id());
    }

    /**
     * An instance stopped in the middle of a fenced write (SIGSTOP, a long GC pause) holds the audit chain's lock and
     * its lease row. The others neither wait for that row when taking leases, nor wait longer than the database's
     * idle-in-transaction timeout for the chain: then the stalled session ends, its locks go, and the lease passes on.
     */
    @Test
    void aWriterStoppedInTheMiddleOfAFencedWriteHoldsUpNeitherTheChainNorTheTakeoverForLong() throws Exception {
        de.wachposten.store.Lease lease = a.acquireLease("channel:" + CHANNEL, "a", T0, T0.plusSeconds(3))
                .orElseThrow();
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        Future<?> stalled = pool.submit(() -> a.connections().inTransaction("stalled fenced write", c -> {
            LeaseRepository.checkFence(c, Dialect.POSTGRESQL, lease);
            if (attempts.incrementAndGet() == 1) {
                locked.countDown();
                try {
                    Thread.sleep(PooledConnections.IDLE_IN_TRANSACTION.multipliedBy(3).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }));
        assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Instant lapsed = T0.plusSeconds(4);

        Future<Optional<de.wachposten.store.Lease>> first = pool.submit(
                () -> b.acquireLease("channel:" + CHANNEL, "b", lapsed, lapsed.plusSeconds(3)));
        Future<?> audited = pool.submit(() -> b.audit("test.appended", "b", Map.of(), lapsed));
        org.awaitility.Awaitility.await("the locked lease row is skipped, not waited for")
                .atMost(Duration.ofSeconds(3)).until(first::isDone);
        assertThat(first.get()).isEmpty();
        org.awaitility.Awaitility.await("the chain is free once the stalled session ended")
                .atMost(PooledConnections.IDLE_IN_TRANSACTION.plusSeconds(5)).until(audited::isDone);
        audited.get();
        org.awaitility.Awaitility.await("the lease passes on").atMost(Duration.ofSeconds(10))
                .until(() -> b.acquireLease("channel:" + CHANNEL, "b", lapsed, lapsed.plusSeconds(3)).isPresent());
        assertThat(b.leases()).singleElement().satisfies(l -> {
            assertThat(l.holder()).isEqualTo("b");
            assertThat(l.token()).isEqualTo(lease.token() + 1);
        });
        assertThat(stalled.isDone()).isFalse(); // still asleep; its commit fails when it wakes
        org.assertj.core.api.Assertions.assertThatThrownBy(stalled::get).hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(b.verifyAudit().ok()).isTrue();
    }
}
