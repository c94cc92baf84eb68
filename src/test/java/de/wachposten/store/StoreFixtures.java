package de.wachposten.store;

import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Builders and a settable clock for store tests. */
final class StoreFixtures {

    static final String CHANNEL = "sms-twitter";
    static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");

    private StoreFixtures() {}

    /** A post on {@link #CHANNEL}, published {@code minutes} after {@link #T0}. */
    static Post post(String id, String text, int minutes) {
        Instant published = T0.plus(Duration.ofMinutes(minutes));
        return new Post(CHANNEL, "twitter", id, "https://x.example/SMS_Sachsen/status/" + id, "SMS_Sachsen", text,
                published, null, "Twitter Web App", "de", List.of("https://www.sms.sachsen.de/"),
                published.plusSeconds(30), "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}");
    }

    static Post edited(Post p, String text, Instant editedAt) {
        return new Post(p.channelId(), p.platform(), p.platformId(), p.url(), p.author(), text, p.publishedAt(),
                editedAt, p.client(), p.language(), p.links(), editedAt.plusSeconds(10),
                "{\"id\":\"" + p.platformId() + "\",\"text\":\"" + text + "\",\"edited\":true}");
    }

    static Finding finding(ReasonCode code) {
        return Finding.of(code, code.defaultSeverity(), code.code() + " detail");
    }

    static Finding flagged(String rule, Severity severity) {
        return new Finding(ReasonCode.FLAGGED_CONTENT, severity, "matches " + rule, rule, "hate", List.of("term"));
    }

    static Approval approval(String id, String text, Instant createdAt) {
        return new Approval(id, CHANNEL, text, createdAt, createdAt.plus(Duration.ofDays(1)), "anna", "bernd",
                createdAt, null, null, null);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
