package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.Escalation;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import de.wachposten.model.Severity;
import de.wachposten.schedule.Scheduler;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timeline: alert at 06:31, escalation after 30 min, a reminder not before 2 h later, none after the ack. */
class EscalatorTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:31:00Z");
    private static final SinkConfig BOSS = new SinkConfig("email", null, null, List.of("leitung@sms.example"), null,
            null, "sms-presse/escalation#0:email", 12);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at(T0.toString());
    private final AtomicInteger kicks = new AtomicInteger();
    private Vertx vertx;
    private Store store;
    private Escalator escalator;
    private String alertId;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        Office office = new Office("sms-presse", null, "de", List.of(),
                new Escalation(Duration.ofMinutes(30), Duration.ofHours(2), List.of(BOSS)));
        Office quiet = new Office("smk-presse", null, "de", List.of());
        escalator = new Escalator(store, List.of(office, quiet), alerts(List.of(office, quiet)));
        Post p = new Post("sms-twitter", "twitter", "1", null, "SMS_Sachsen", "Guten Morgen", T0.minusSeconds(60),
                null, null, null, List.of(), T0, "{}");
        StoredPost v = store.ingest("sms-twitter", List.of(p), List.of(), "c", false, T0).getFirst();
        alertId = store.commitDetection(v, List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "")), null,
                "sms-presse", Recipients.fixed(List.of("sms-presse#0:webhook")), T0).orElseThrow().id();
    }

    private AlertService alerts(List<Office> offices) {
        AlertService alerts = new AlertService(store, new AlertRouter(offices, Set.of(BOSS.key())), clock);
        alerts.onChange(a -> kicks.incrementAndGet());
        return alerts;
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private int checkAt(Duration sinceAlert) throws Exception {
        clock.set(T0.plus(sinceAlert));
        return check(escalator);
    }

    /** Runs the escalator's job now, as the daemon's scheduler does every 15 s. */
    private int check(Escalator e) throws Exception {
        Scheduler jobs = new Scheduler(vertx, vertx.createSharedWorkerExecutor("escalation"), clock,
                new SimpleMeterRegistry()).add(e.job(Duration.ofSeconds(15)));
        return jobs.runNow(Escalator.JOB).await(10, TimeUnit.SECONDS);
    }

    private List<Object> escalationRevisions() {
        return store.deliveries(alertId).stream().filter(d -> d.get("sink").equals(BOSS.key()))
                .map(d -> d.get("revision")).toList();
    }

    @Test
    void escalatesAfterThirtyMinutesThenRemindsAtMostEveryTwoHoursUntilAcknowledged() throws Exception {
        assertThat(escalator.active()).isTrue();
        assertThat(checkAt(Duration.ofMinutes(29))).isZero();
        assertThat(checkAt(Duration.ofMinutes(30))).isEqualTo(1);
        assertThat(kicks.get()).isEqualTo(1);
        assertThat(checkAt(Duration.ofMinutes(31))).isZero();
        assertThat(checkAt(Duration.ofMinutes(149))).isZero();
        assertThat(checkAt(Duration.ofMinutes(150))).isEqualTo(1);
        assertThat(escalationRevisions()).containsExactly(2, 3);
        assertThat(store.deliveries(alertId)).filteredOn(d -> d.get("sink").equals("sms-presse#0:webhook"))
                .hasSize(1);

        store.closeAlert(alertId, AlertStatus.ACKNOWLEDGED, Resolution.INCIDENT, "bernd", null, Recipients.NONE,
                T0.plus(Duration.ofMinutes(200)));
        assertThat(checkAt(Duration.ofHours(10))).isZero();
        assertThat(escalationRevisions()).containsExactly(2, 3);
    }

    @Test
    void officesWithoutEscalationNeverEscalate() throws Exception {
        List<Office> offices = List.of(new Office("sms-presse", null, "de", List.of()));
        Escalator none = new Escalator(store, offices, alerts(offices));
        assertThat(none.active()).isFalse();
        clock.set(T0.plus(Duration.ofDays(1)));
        assertThat(check(none)).isZero();
        assertThat(escalationRevisions()).isEmpty();
    }
}
