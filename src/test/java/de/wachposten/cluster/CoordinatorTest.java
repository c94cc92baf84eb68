package de.wachposten.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Post;
import de.wachposten.store.Lease;
import de.wachposten.store.LeaseLostException;
import de.wachposten.store.Store;
import de.wachposten.store.StoreUnavailableException;
import de.wachposten.store.jdbc.SqliteStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two and three coordinators on one store file, as instances on one database, with time moved by hand. */
class CoordinatorTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final List<String> CHANNELS = IntStream.range(0, 90).mapToObj(i -> Lease.channel("ch-" + i)).toList();

    @TempDir
    Path dir;
    private final List<Store> stores = new ArrayList<>();

    private Coordinator coordinator(String instance) {
        Store s = SqliteStore.open(dir.resolve("w.db"), Clock.systemUTC());
        stores.add(s);
        return new Coordinator(s, instance, TTL);
    }

    /** A coordinator whose store calls fail as unreachable while {@code down} is set. */
    private Coordinator coordinator(String instance, AtomicBoolean down) {
        Store real = SqliteStore.open(dir.resolve("w.db"), Clock.systemUTC());
        stores.add(real);
        Store flaky = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (down.get()) {
                        throw new StoreUnavailableException(method.getName() + ": the database is down", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new Coordinator(flaky, instance, TTL);
    }

    @BeforeEach
    void create() {
        coordinator("warm-up").round(T0.minus(Duration.ofDays(1)), List.of());
    }

    @AfterEach
    void close() {
        stores.forEach(Store::close);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static long held(Coordinator c) {
        return CHANNELS.stream().filter(c::holds).count();
    }

    @Test
    void aSingleInstanceTakesEverything() {
        Coordinator a = coordinator("a");
        Coordinator.Changes changes = a.round(at(0), CHANNELS);
        assertThat(changes.gained()).hasSize(CHANNELS.size());
        assertThat(changes.lost()).isEmpty();
        assertThat(a.round(at(3), CHANNELS).isEmpty()).as("a second round changes nothing").isTrue();
        assertThat(a.leases().values()).allSatisfy(l -> assertThat(l.expiresAt()).isEqualTo(at(13)));
    }

    @Test
    void aJoiningInstanceIsHandedItsShareAndEveryChannelHasExactlyOneHolder() {
        Coordinator a = coordinator("a");
        a.round(at(0), CHANNELS);
        Coordinator b = coordinator("b");
        Coordinator c = coordinator("c");
        b.round(at(1), CHANNELS);
        c.round(at(1), CHANNELS);
        assertThat(held(b) + held(c)).as("nothing taken from a live holder").isZero();

        Coordinator.Changes handed = a.round(at(3), CHANNELS);
        b.round(at(4), CHANNELS);
        c.round(at(4), CHANNELS);

        assertThat(handed.lost()).isNotEmpty();
        assertThat(held(a) + held(b) + held(c)).isEqualTo(CHANNELS.size());
        for (Coordinator x : List.of(a, b, c)) {
            assertThat(held(x)).as("share of " + x.instance()).isBetween(15L, 45L);
        }
        for (String ch : CHANNELS) {
            assertThat(List.of(a, b, c).stream().filter(x -> x.holds(ch)).count()).as(ch).isEqualTo(1);
        }
    }

    @Test
    void theChannelsOfAnInstanceThatStoppedAnsweringAreTakenOverAfterTheLeaseTimeAndItsLateWriteIsRefused() {
        Coordinator a = coordinator("a");
        Coordinator b = coordinator("b");
        a.round(at(0), CHANNELS);
        b.round(at(0), CHANNELS);
        a.round(at(1), CHANNELS);
        b.round(at(1), CHANNELS);
        String ofA = CHANNELS.stream().filter(a::holds).findFirst().orElseThrow();
        Lease old = a.held(ofA).orElseThrow();

        b.round(at(4), CHANNELS);
        assertThat(b.holds(ofA)).as("a's lease is still live").isFalse();
        Coordinator.Changes takeover = b.round(at(12), CHANNELS);

        assertThat(takeover.gained()).extracting(Lease::name).contains(ofA);
        assertThat(held(b)).isEqualTo(CHANNELS.size());
        assertThat(b.held(ofA).orElseThrow().token()).isEqualTo(old.token() + 1);

        Store storeOfA = stores.get(1);
        String channel = ofA.substring("channel:".length());
        Post late = new Post(channel, "twitter", "1", null, "x", "spät", at(0), null, null, "de", List.of(), at(0), "{}");
        assertThatThrownBy(() -> storeOfA.ingest(channel, List.of(late), List.of(), "c", Set.of(), at(13), old))
                .isInstanceOf(LeaseLostException.class);

        Coordinator.Changes woken = a.round(at(13), CHANNELS);
        assertThat(woken.lost()).contains(ofA);
        assertThat(held(a) + held(b)).isEqualTo(CHANNELS.size());
    }

    @Test
    void afterAnOutageOfTheStoreEachInstanceKeepsItsShareInsteadOfTakingTheLapsedLeasesOfTheOthers() {
        AtomicBoolean down = new AtomicBoolean();
        Coordinator a = coordinator("a", down);
        Coordinator b = coordinator("b", down);
        a.round(at(0), CHANNELS);
        b.round(at(0), CHANNELS);
        a.round(at(1), CHANNELS);
        b.round(at(1), CHANNELS);
        long ofA = held(a);
        long ofB = held(b);
        assertThat(ofA).isPositive();
        assertThat(ofB).isPositive();

        down.set(true);
        assertThatThrownBy(() -> a.round(at(4), CHANNELS)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> b.round(at(4), CHANNELS)).isInstanceOf(StoreUnavailableException.class);
        down.set(false);

        // both heartbeats and all leases lapsed; a comes back first and sees itself alone
        Coordinator.Changes first = a.round(at(30), CHANNELS);
        assertThat(first.gained()).as("nothing taken in the round after the failed one").isEmpty();
        assertThat(held(a)).isEqualTo(ofA);
        b.round(at(30), CHANNELS);
        assertThat(a.round(at(31), CHANNELS).isEmpty()).isTrue();
        assertThat(b.round(at(31), CHANNELS).isEmpty()).isTrue();
        assertThat(held(a)).isEqualTo(ofA);
        assertThat(held(b)).isEqualTo(ofB);
        assertThat(a.leases().values()).filteredOn(l -> l.holder().equals("a"))
                .allSatisfy(l -> assertThat(l.expiresAt()).isEqualTo(at(41)));
    }

    @Test
    void aLateRoundIsFollowedByOneThatTakesNothing() {
        Coordinator a = coordinator("a");
        a.late();
        assertThat(a.round(at(0), CHANNELS).gained()).isEmpty();
        assertThat(a.round(at(1), CHANNELS).gained()).hasSize(CHANNELS.size());
    }

    @Test
    void aCleanShutdownHandsEverythingOnAtTheNextRound() {
        Coordinator a = coordinator("a");
        Coordinator b = coordinator("b");
        a.round(at(0), CHANNELS);
        b.round(at(0), CHANNELS);
        a.round(at(1), CHANNELS);
        b.round(at(1), CHANNELS);
        assertThat(held(a)).isPositive();

        a.releaseAll(at(2));
        b.round(at(3), CHANNELS);

        assertThat(held(b)).isEqualTo(CHANNELS.size());
        assertThat(b.liveInstances()).containsExactly("b");
    }

    @Test
    void aJobRunsOnExactlyOneInstance() {
        List<String> work = List.of(Lease.job("escalation"), Lease.job("archive-retention"),
                Lease.job("credentials-overdue"));
        Coordinator a = coordinator("a");
        Coordinator b = coordinator("b");
        for (int t = 0; t < 3; t++) {
            a.round(at(t), work);
            b.round(at(t), work);
        }
        for (String job : work) {
            assertThat(a.holds(job) ^ b.holds(job)).as(job).isTrue();
        }
    }

    @Test
    void rendezvousHashingMovesOnlyTheShareOfTheInstanceThatLeaves() {
        List<String> three = List.of("a", "b", "c");
        List<String> two = List.of("a", "b");
        for (String ch : CHANNELS) {
            String before = Coordinator.preferred(ch, three);
            if (!before.equals("c")) {
                assertThat(Coordinator.preferred(ch, two)).as(ch).isEqualTo(before);
            }
        }
    }
}
