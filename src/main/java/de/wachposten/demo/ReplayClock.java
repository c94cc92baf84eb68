package de.wachposten.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for replays: it runs at real speed from an instant that {@link #jumpTo(Instant)} sets, so a scripted morning
 * of 2016 can be replayed in seconds while every time the daemon records (seen, alerted, delivered) reads as it would
 * have on that morning.
 */
public final class ReplayClock extends Clock {
    private final Clock real;
    private volatile Duration offset;

    /** A clock that reads {@code start} now and runs on from there at the pace of {@code real}. */
    public ReplayClock(Clock real, Instant start) {
        this.real = real;
        this.offset = Duration.between(real.instant(), start);
    }

    /** Sets the clock to {@code t}; it runs on from there. Jumps forward only: an earlier {@code t} is ignored. */
    public synchronized void jumpTo(Instant t) {
        Instant now = real.instant();
        if (t.isAfter(now.plus(offset))) {
            offset = Duration.between(now, t);
        }
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay clock runs in UTC");
    }
}
