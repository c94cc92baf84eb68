package de.wachposten.timing;

import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Raises {@code outside_hours} when a post was published outside every posting-hours range of the channel's policy,
 * read in the policy's time zone (so daylight-saving changes are handled by the zone rules).
 */
public final class HoursDetector implements Detector {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    @Override
    public String name() {
        return "hours";
    }

    @Override
    public void detect(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        if (policy.hours().isEmpty() || ctx.version() > 1) {
            return;
        }
        ZonedDateTime local = post.publishedAt().atZone(policy.timezone());
        boolean allowed = policy.hours().stream()
                .anyMatch(h -> h.contains(local.getDayOfWeek(), local.toLocalTime()));
        if (!allowed) {
            String ranges = policy.hours().stream().map(HoursRange::source).collect(Collectors.joining(", "));
            out.add(Finding.of(ReasonCode.OUTSIDE_HOURS, ReasonCode.OUTSIDE_HOURS.defaultSeverity(),
                    DAY_TIME.format(local) + " " + policy.timezone().getId() + "; allowed " + ranges));
        }
    }
}
