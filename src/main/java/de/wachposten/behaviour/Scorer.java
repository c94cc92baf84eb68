package de.wachposten.behaviour;

import de.wachposten.config.HoursRange;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.ChannelHistory.Feature;
import de.wachposten.model.Post;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores how far a post departs from a channel's history, feature by feature, as COMPA does: a value the channel
 * used in at least a "usual share" of its posts scores 0, a value it never used scores 1, rarer values in between.
 * The total is the weighted mean over the features the post has (a post without links is not scored on links).
 */
public final class Scorer {
    /** A feature of the profile, its weight in the total and the share of posts from which a value is usual. */
    public enum Aspect {
        HOUR("feature.hour", 0.25, 0.05),
        CLIENT("feature.client", 0.30, 0.05),
        LANGUAGE("feature.language", 0.15, 0.05),
        LINK_DOMAIN("feature.link_domain", 0.20, 0.02),
        MENTION("feature.mention", 0.10, 0.02);

        final String messageKey;
        final double weight;
        final double usualShare;

        Aspect(String messageKey, double weight, double usualShare) {
            this.messageKey = messageKey;
            this.weight = weight;
            this.usualShare = usualShare;
        }
    }

    /** One feature's score, 0 (usual) to 1 (never seen), and the post's value it was computed for. */
    public record Score(Aspect aspect, double score, String value) {}

    /** All scores of a post, the weighted total and how many features depart (score at least 0.5). */
    public record Assessment(List<Score> scores, double total, int departing) {}

    private Scorer() {
    }

    /** Scores {@code post} against {@code h}; the hour is read in {@code zone}. */
    public static Assessment assess(Post post, ChannelHistory h, ZoneId zone) {
        List<Score> scores = new ArrayList<>();
        int n = Math.max(1, h.posts());
        ZonedDateTime local = post.publishedAt().atZone(zone);
        scores.add(new Score(Aspect.HOUR, rarity(hourNeighbourhood(h, local) / (double) n, Aspect.HOUR),
                hourName(local)));
        value(scores, Aspect.CLIENT, h, Feature.CLIENT, post.client(), n);
        value(scores, Aspect.LANGUAGE, h, Feature.LANGUAGE, post.language(), n);
        worst(scores, Aspect.LINK_DOMAIN, h, Feature.LINK_DOMAIN, Features.linkDomains(post), n);
        worst(scores, Aspect.MENTION, h, Feature.MENTION, Features.mentions(post), n);
        double weighted = 0;
        double weights = 0;
        int departing = 0;
        for (Score s : scores) {
            weighted += s.aspect().weight * s.score();
            weights += s.aspect().weight;
            departing += s.score() >= 0.5 ? 1 : 0;
        }
        return new Assessment(List.copyOf(scores), weights == 0 ? 0 : weighted / weights, departing);
    }

    private static void value(List<Score> out, Aspect a, ChannelHistory h, Feature f, String v, int n) {
        if (Features.norm(v) != null) {
            out.add(new Score(a, rarity(h.count(f, v) / (double) n, a), v));
        }
    }

    private static void worst(List<Score> out, Aspect a, ChannelHistory h, Feature f, Set<String> values, int n) {
        Score worst = null;
        for (String v : values) {
            Score s = new Score(a, rarity(h.count(f, v) / (double) n, a), v);
            if (worst == null || s.score() > worst.score()) {
                worst = s;
            }
        }
        if (worst != null) {
            out.add(worst);
        }
    }

    private static double rarity(double share, Aspect a) {
        return 1 - Math.min(1, share / a.usualShare);
    }

    /**
     * Posts in the hour of the post and the hours either side, on days of the same kind: Monday to Friday count
     * together, as do Saturday and Sunday (channels keep weekly rhythms, not daily ones).
     */
    private static int hourNeighbourhood(ChannelHistory h, ZonedDateTime local) {
        boolean weekend = local.getDayOfWeek().getValue() >= 6;
        int sum = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((d.getValue() >= 6) != weekend) {
                continue;
            }
            for (int hour = Math.max(0, local.getHour() - 1); hour <= Math.min(23, local.getHour() + 1); hour++) {
                sum += h.hourCount(d, hour);
            }
        }
        return sum;
    }

    /** Day and hour as {@code Sat 03:00}, the value shown for the hour feature. */
    private static String hourName(ZonedDateTime local) {
        return String.format(Locale.ROOT, "%s %02d:00", HoursRange.shortName(local.getDayOfWeek()), local.getHour());
    }
}
