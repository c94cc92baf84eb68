package de.wachposten.pipeline;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.Post;
import de.wachposten.platform.FetchResult;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Lease;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Poll → store → detect → alert, for all channels. It owns no business rule: it moves a poll's result into the store
 * (one transaction with the cursor), then evaluates each new version (one transaction each with its findings, alert
 * and outbox entries) through the alert service, whose listeners wake the outbox. All store work runs on a worker
 * executor, never on the event loop.
 */
public final class Pipeline {
    /** How many recent posts a connector may re-check for edits and deletions. */
    public static final int KNOWN_RECENT = 40;

    private final Store store;
    private final Evaluator evaluator;
    private final WorkerExecutor worker;
    private final Clock clock;
    private final PipelineMetrics metrics;

    /** What a poll needs from the store before it fetches. */
    public record PollInput(ChannelState state, List<String> knownRecent) {}

    public Pipeline(Store store, Evaluator evaluator, WorkerExecutor worker, Clock clock,
                    PipelineMetrics metrics) {
        this.store = store;
        this.evaluator = evaluator;
        this.worker = worker;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Reads the channel's cursor and its recent post ids. Before the channel's first successful poll it records, once,
     * that watching the channel began at {@code watchingFrom} (now when null), fenced by {@code lease} when it is not
     * null.
     */
    public Future<PollInput> pollInput(String channelId, Instant watchingFrom, Lease lease) {
        return worker.executeBlocking(() -> {
            ChannelState state = store.channelState(channelId);
            if (state.firstPoll() && state.watchedSince() == null) {
                store.startWatching(channelId, watchingFrom != null ? watchingFrom : clock.instant(), lease);
                state = store.channelState(channelId);
            }
            return new PollInput(state,
                    store.recentPosts(channelId, KNOWN_RECENT).stream().map(v -> v.post().platformId()).toList());
        }, false);
    }

    /**
     * Stores a poll's result and evaluates what is new. On a first poll ({@code before} has no cursor) with
     * {@code history: ignore}, the posts published before the channel was watched are archived without evaluation;
     * those published since are evaluated, so a post that appeared while the first polls failed is still checked.
     * With a {@code lease} (not null), the result is written only while the lease still stands; otherwise the future
     * fails with {@link de.wachposten.store.LeaseLostException} and nothing is written.
     *
     * @param before the channel's state the poll started from
     * @return the number of alerts raised or updated
     */
    public Future<Integer> ingest(ChannelConfig channel, FetchResult result, ChannelState before, Lease lease) {
        return worker.executeBlocking(() -> {
            boolean archiveOnly = before.firstPoll() && !channel.checkHistory();
            Set<String> archived = archiveOnly ? history(result, before.watchedSince()) : Set.of();
            Optional<ProfileSnapshot> profileBefore = result.profile() == null ? Optional.empty()
                    : store.profile(channel.id());
            Map<String, String> profile = result.profile() == null ? null : result.profile().fields();
            List<StoredPost> fresh = new ArrayList<>(store.ingest(channel.id(), result.posts(), result.deletedIds(),
                    result.cursor(), archived, clock.instant(), lease));
            if (profile != null && (profileBefore.isEmpty() || !profileBefore.get().fields().equals(profile))) {
                Optional<Post> change = ProfileChanges.change(channel, profileBefore, profile, clock.instant());
                if (change.isPresent()) {
                    store.addEntry(StoredPost.Kind.PROFILE, change.get(), archiveOnly, clock.instant())
                            .filter(v -> !archiveOnly).ifPresent(fresh::add);
                }
                store.saveProfile(channel.id(), ProfileChanges.next(profileBefore, profile, clock.instant()));
            }
            if (archiveOnly) {
                metrics.postsIngested(channel.platform(), result.posts().size());
            } else {
                metrics.postsIngested(channel.platform(), fresh.size());
            }
            metrics.pollSucceeded(channel.id(), clock.instant().getEpochSecond());
            int alerts = 0;
            for (StoredPost v : fresh) {
                Optional<Alert> a = evaluator.evaluate(v);
                alerts += a.isPresent() ? 1 : 0;
            }
            return alerts;
        }, false);
    }

    /**
     * What a first poll archives as history: deletions, posts published before watching began (all of them when that
     * is not known) and posts whose source states no date (their time is only when they were first seen).
     */
    static Set<String> history(FetchResult result, Instant watchedSince) {
        Set<String> ids = new HashSet<>(result.deletedIds());
        for (Post p : result.posts()) {
            if (watchedSince == null || p.publishedAt().isBefore(watchedSince)
                    || result.undatedIds().contains(p.platformId())) {
                ids.add(p.platformId());
            }
        }
        return ids;
    }

    /** Records a failed poll, fenced by {@code lease} when it is not null. */
    public Future<Void> pollFailed(String channelId, String error, Lease lease) {
        return worker.executeBlocking(() -> {
            store.recordPollFailure(channelId, clock.instant(), error, lease);
            return null;
        }, false);
    }

    /**
     * Evaluates versions stored before {@code before} that are still not evaluated: those whose instance died (or
     * lost its store connection) between storing and evaluating them. Blocking; for a once-per-cluster job.
     *
     * @return the number of versions evaluated
     */
    public int catchUp(Instant before) {
        int n = 0;
        for (StoredPost v : store.pendingDetection(500)) {
            if (v.post().seenAt().isBefore(before)) {
                evaluator.evaluate(v);
                n++;
            }
        }
        return n;
    }

    /**
     * Evaluates versions that were stored but not evaluated before a crash.
     *
     * @return the number of versions evaluated
     */
    public Future<Integer> recover() {
        return worker.executeBlocking(() -> {
            int n = 0;
            for (List<StoredPost> batch = store.pendingDetection(500); !batch.isEmpty();
                 batch = store.pendingDetection(500)) {
                for (StoredPost v : batch) {
                    evaluator.evaluate(v);
                    n++;
                }
            }
            return n;
        }, false);
    }
}
