package de.wachposten.timing;

import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Raises {@code outside_hours} when a post was published outside every posting-hours range of the channel's policy,
 * read in the policy's time zone (so daylight-saving changes are handled by the zone rules), or on a public holiday
 * of the policy's holiday region, or on one of its closed days. The explanation names the day, time, zone, the
 * holiday or closed day and the allowed ranges, in the office's language.
 */
public final class HoursDetector extends PostDetector {
    private static final DateTimeFormatter EN_DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.GERMAN);

    /** Why a day has no posting hours: the message key and the holiday's or closed day's name. */
    private record Closure(String key, String name) {}

    private final Holidays holidays;

    /** A detector with its own holiday cache. */
    public HoursDetector() {
        this(new Holidays());
    }

    /** A detector that looks holidays up in {@code holidays} (shared, so each region and year is computed once). */
    public HoursDetector(Holidays holidays) {
        super("hours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        if (policy.hours().isEmpty()) {
            return;
        }
        ZonedDateTime local = post.publishedAt().atZone(policy.timezone());
        Messages msg = ctx.messages();
        Optional<Closure> closure = closure(policy, local.toLocalDate(), msg);
        boolean inRange = policy.hours().stream()
                .anyMatch(h -> h.contains(local.getDayOfWeek(), local.toLocalTime()));
        if (inRange && closure.isEmpty()) {
            return;
        }
        String ranges = policy.hours().stream().map(HoursRange::source).map(msg::hours)
                .collect(Collectors.joining(", "));
        String when = msg.language().equals("en") ? EN_DAY_TIME.format(local)
                : msg.dayName(local.getDayOfWeek()) + " " + DE_TIME.format(local);
        String zone = policy.timezone().getId();
        String detail;
        if (closure.isPresent()) {
            detail = msg.text(closure.get().key(), when, zone, ranges, closure.get().name());
        } else {
            detail = msg.text("hours.outside", when, zone, ranges);
        }
        out.add(Finding.of(ReasonCode.OUTSIDE_HOURS, ReasonCode.OUTSIDE_HOURS.defaultSeverity(), detail));
    }

    /** The public holiday or closed day on {@code day}; empty on a working day. */
    private Optional<Closure> closure(Policy policy, LocalDate day, Messages msg) {
        if (policy.holidays() != null) {
            Optional<String> h = holidays.on(policy.holidays(), day, msg.locale());
            if (h.isPresent()) {
                return Optional.of(new Closure("hours.holiday", h.get()));
            }
        }
        return policy.closedDays().stream().filter(c -> c.matches(day)).findFirst()
                .map(c -> new Closure("hours.closed", c.source()));
    }
}
