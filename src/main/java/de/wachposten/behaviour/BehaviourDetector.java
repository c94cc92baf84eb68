package de.wachposten.behaviour;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.Policy;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises {@code unusual_behaviour} when a post departs from its channel's learned profile on several features at
 * once (weighted score at least {@code behaviour.threshold}, at least {@code behaviour.min_features} features scoring
 * 0.5 or more), or when it completes a burst: {@code behaviour.burst.posts} or more posts within
 * {@code behaviour.burst.within}, more than the channel's usual peak in such a window. Nothing is raised before the
 * channel has {@code behaviour.min_posts} posts (cold start). The detail names the departing features and scores.
 */
public final class BehaviourDetector extends PostDetector {

    public BehaviourDetector() {
        super("behaviour");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        BehaviourSettings s = policy.behaviour();
        ChannelHistory h = ctx.history();
        if (h.posts() < Math.max(1, s.minPosts())) {
            return;
        }
        List<String> parts = new ArrayList<>();
        Scorer.Assessment a = Scorer.assess(post, h, policy.timezone());
        if (a.total() >= s.threshold() && a.departing() >= s.minFeatures()) {
            parts.add(unusual(a, h.posts(), ctx.messages()));
        }
        int inWindow = burst(post, h, s);
        if (inWindow > 0) {
            parts.add(ctx.messages().text("behaviour.burst", inWindow,
                    ctx.messages().text("minutes", s.burstWithin().toMinutes()), h.usualPeak()));
        }
        if (!parts.isEmpty()) {
            out.add(Finding.of(ReasonCode.UNUSUAL_BEHAVIOUR, ReasonCode.UNUSUAL_BEHAVIOUR.defaultSeverity(),
                    String.join("; ", parts)));
        }
    }

    /** Posts in the burst window ending with this one, when that is a burst; else 0. */
    static int burst(Post post, ChannelHistory h, BehaviourSettings s) {
        Instant t = post.publishedAt();
        int count = h.postsBetween(t.minus(s.burstWithin()), t.plusNanos(1)) + 1;
        return count >= s.burstPosts() && count > h.usualPeak() ? count : 0;
    }

    private static String unusual(Scorer.Assessment a, int posts, Messages msg) {
        List<String> features = new ArrayList<>();
        for (Scorer.Score sc : a.scores()) {
            if (sc.score() >= 0.5) {
                features.add(msg.text(sc.aspect().messageKey) + " '" + sc.value() + "' "
                        + String.format(msg.locale(), "%.2f", sc.score()));
            }
        }
        return msg.text("behaviour.unusual", String.join(", ", features),
                String.format(msg.locale(), "%.2f", a.total()), posts);
    }
}
