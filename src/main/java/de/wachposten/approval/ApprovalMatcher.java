package de.wachposten.approval;

import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the approval a post satisfies, among the open approvals of its channel (the caller passes them).
 *
 * <ol>
 *   <li>Both texts become {@link MatchText}s: normalised words and canonical links.</li>
 *   <li>Exact: equal keys (same words, same link targets) match with similarity 1.0.</li>
 *   <li>Similar: word-level {@link Similarity} at or above the threshold, no shortened link of unknown target, the
 *       same link targets, and no {@link WordDiff#veto difference that always matters} (numbers, dates, negations,
 *       added or replaced words).</li>
 * </ol>
 * Among matching approvals the one whose window holds the publication time wins, then the most similar, then the
 * oldest (so repeated texts consume approvals in the order they were given). The parsed form of each approval is
 * cached by id (approvals never change), so matching against thousands of approvals stays cheap. Thread-safe.
 */
public final class ApprovalMatcher {
    /** Default similarity threshold (policy key {@code similarity}). */
    public static final double DEFAULT_THRESHOLD = 0.9;
    private static final int CACHE_LIMIT = 200_000;
    /** How many non-matching candidates, by word overlap, are compared in full for the reported similarity. */
    static final int REPORTED = 16;
    private static final Comparator<Approval> OLDEST =
            Comparator.comparing(Approval::createdAt).thenComparing(Approval::id);

    /**
     * The outcome.
     *
     * @param inWindow   the matching approval whose window holds the publication time
     * @param textOnly   the best matching approval regardless of its window
     * @param similarity the best similarity (1.0 for an exact match, 0 with none) among the approvals that could match
     *                   and the closest others by word overlap
     * @param nearest    the most similar approval, matching or not
     * @param diff       word diff between the nearest approval and the post, or empty
     * @param why        why the nearest approval does not match, or empty when it does
     */
    public record Match(Optional<Approval> inWindow, Optional<Approval> textOnly, double similarity,
                        Optional<Approval> nearest, String diff, String why) {
        /** True when the text matches an approval but none whose window holds the publication time. */
        public boolean outsideWindow() {
            return inWindow.isEmpty() && textOnly.isPresent();
        }
    }

    private record Scored(Approval approval, double similarity, boolean matches) {}

    private final Map<String, MatchText> cache = new ConcurrentHashMap<>();

    /** Matches with a text that carries no payload links and the default threshold (tests, late approval). */
    public Match match(String text, Instant publishedAt, List<Approval> approvals) {
        return match(text, List.of(), publishedAt, approvals, DEFAULT_THRESHOLD);
    }

    /**
     * Matches a post ({@code text} and the link targets of its payload) published at {@code publishedAt} against
     * {@code approvals}; only open ones count.
     */
    public Match match(String text, List<String> links, Instant publishedAt, List<Approval> approvals,
                       double threshold) {
        MatchText post = MatchText.of(text, links);
        Scored best = null;
        Scored bestInWindow = null;
        Scored nearest = null;
        for (Approval a : candidates(post, approvals, threshold)) {
            Scored s = score(a, parsed(a), post, threshold);
            if (nearest == null || s.similarity() > nearest.similarity()) {
                nearest = s;
            }
            if (s.matches()) {
                best = better(best, s);
                if (a.inWindow(publishedAt)) {
                    bestInWindow = better(bestInWindow, s);
                }
            }
        }
        return result(post, nearest, best, bestInWindow, threshold);
    }

    /**
     * The open approvals worth the full comparison: every one whose word-count ratio and then
     * {@link Similarity#upperBound word-multiset bound} reach the threshold (only these can match), plus the
     * {@value #REPORTED} closest others (by those bounds and the {@link #estimate signature estimate}), so that the
     * reported best similarity of a post that matches nothing is computed among its closest candidates.
     */
    private List<Approval> candidates(MatchText post, List<Approval> approvals, double threshold) {
        List<Approval> out = new ArrayList<>();
        PriorityQueue<Map.Entry<Double, Approval>> top = new PriorityQueue<>(Map.Entry.comparingByKey());
        Similarity.WordCounts counts = Similarity.WordCounts.of(post.bag());
        for (Approval a : approvals) {
            if (!a.open()) {
                continue;
            }
            MatchText approved = parsed(a);
            double bound = quickBound(approved, post);
            if (bound >= threshold) {
                bound = approved.key().equals(post.key()) ? 1.0 : Similarity.upperBound(approved, post, counts);
            } else {
                bound = Math.min(bound, estimate(approved, post));
            }
            if (bound >= threshold) {
                out.add(a);
            } else if (top.size() < REPORTED) {
                top.add(Map.entry(bound, a));
            } else if (bound > top.peek().getKey()) {
                top.poll();
                top.add(Map.entry(bound, a));
            }
        }
        top.forEach(e -> out.add(e.getValue()));
        return out;
    }

    /**
     * A bound on the similarity that needs no word comparison: the shorter text's word count over the longer one's
     * (a truncated post may be shorter than its approval at no cost).
     */
    static double quickBound(MatchText approved, MatchText post) {
        int n = approved.words().size();
        int m = post.words().size();
        if (post.truncated()) {
            return n >= m ? 1.0 : (double) n / m;
        }
        int max = Math.max(n, m);
        return max == 0 ? 1.0 : (double) Math.min(n, m) / max;
    }

    /**
     * A rough closeness for choosing which non-matching approvals to compare in full for the report: shared bits of
     * the two word signatures over the longer word count. Never used to accept a match.
     */
    static double estimate(MatchText approved, MatchText post) {
        int max = Math.max(approved.words().size(), post.words().size());
        return max == 0 ? 1.0 : (double) Long.bitCount(approved.signature() & post.signature()) / max;
    }

    private Match result(MatchText post, Scored nearest, Scored best, Scored bestInWindow, double threshold) {
        if (nearest == null) {
            return new Match(Optional.empty(), Optional.empty(), 0, Optional.empty(), "", "");
        }
        MatchText approved = parsed(nearest.approval());
        String diff = WordDiff.render(Similarity.comparable(approved, post), post.words());
        String why = nearest.matches() ? "" : reason(approved, post, nearest.similarity(), threshold);
        return new Match(Optional.ofNullable(bestInWindow).map(Scored::approval),
                Optional.ofNullable(best).map(Scored::approval), nearest.similarity(),
                Optional.of(nearest.approval()), diff, why);
    }

    /**
     * The word diff between {@code approval} and a post's {@code text} and {@code links} as pieces: the same comparison
     * as {@link Match#diff} (normalised words, the approval's words trimmed as for the similarity).
     */
    public List<WordDiff.Piece> pieces(Approval approval, String text, List<String> links) {
        MatchText post = MatchText.of(text, links);
        return WordDiff.pieces(Similarity.comparable(parsed(approval), post), post.words());
    }

    private static Scored score(Approval a, MatchText approved, MatchText post, double threshold) {
        if (approved.key().equals(post.key()) && post.unresolved() == 0 && !post.truncated()) {
            return new Scored(a, 1.0, true);
        }
        double sim = Similarity.of(approved, post);
        boolean ok = sim >= threshold && linksAgree(approved, post)
                && WordDiff.veto(Similarity.comparable(approved, post), post.words()) == null;
        return new Scored(a, sim, ok);
    }

    private static String reason(MatchText approved, MatchText post, double sim, double threshold) {
        if (post.unresolved() > 0) {
            return "shortened link whose target is unknown";
        }
        if (!linksAgree(approved, post)) {
            return "link targets differ (approved " + approved.links() + ", posted " + post.links() + ")";
        }
        if (sim < threshold) {
            return String.format(java.util.Locale.ROOT, "similarity below %.2f", threshold);
        }
        return WordDiff.veto(Similarity.comparable(approved, post), post.words());
    }

    /**
     * The post's links equal the approval's; a truncated post may lack approved links (they were cut), and a
     * display-truncated link must be the start of an approved one.
     */
    static boolean linksAgree(MatchText approved, MatchText post) {
        if (post.unresolved() > 0) {
            return false;
        }
        boolean prefixesOk = post.prefixes().stream()
                .allMatch(p -> approved.links().stream().anyMatch(l -> l.startsWith(p)));
        if (!prefixesOk || !approved.links().containsAll(post.links())) {
            return false;
        }
        if (post.truncated()) {
            return true;
        }
        long covered = approved.links().stream()
                .filter(l -> post.links().contains(l) || post.prefixes().stream().anyMatch(l::startsWith))
                .count();
        return covered == approved.links().size();
    }

    private static Scored better(Scored current, Scored s) {
        if (current == null || s.similarity() > current.similarity()) {
            return s;
        }
        if (s.similarity() == current.similarity() && OLDEST.compare(s.approval(), current.approval()) < 0) {
            return s;
        }
        return current;
    }

    private MatchText parsed(Approval a) {
        MatchText t = cache.get(a.id());
        if (t == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            t = MatchText.approved(a.text());
            cache.put(a.id(), t);
        }
        return t;
    }
}
