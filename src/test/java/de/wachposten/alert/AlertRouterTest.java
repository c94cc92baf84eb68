package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.Escalation;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing rule: a sink gets revision N only if it had the alert before or now qualifies for it. */
class AlertRouterTest {
    private static final Instant T = Instant.parse("2016-01-08T05:30:00Z");
    private final SinkConfig all = sink("presse#0:webhook", Severity.INFO);
    private final SinkConfig pager = sink("presse#1:webhook", Severity.CRITICAL);
    private final SinkConfig boss = sink("presse/escalation#0:webhook", Severity.INFO);
    private final Office office = new Office("presse", null, "de", List.of(all, pager),
            new Escalation(Duration.ofMinutes(30), null, List.of(boss)));
    private final AlertRouter router = new AlertRouter(List.of(office), Set.of(all.key(), pager.key(), boss.key()));

    private static SinkConfig sink(String key, Severity min) {
        return new SinkConfig("webhook", "http://127.0.0.1:1/" + key, null, List.of(), null, null, key, 1, min);
    }

    private static Alert alert(Severity severity, int revision, AlertStatus status) {
        Post p = new Post("night", "mastodon", "1", null, "x", "text", T, null, null, null, List.of(), T, "{}");
        return new Alert("a-1", "night", "mastodon", "presse", severity,
                List.of(Finding.of(ReasonCode.OUTSIDE_HOURS, severity, "")), p, T, T, revision, status, null);
    }

    @Test
    void aNewMediumAlertGoesToTheSinksItQualifiesFor() {
        assertThat(router.choose(alert(Severity.MEDIUM, 1, AlertStatus.OPEN), AlertChange.CREATED, Set.of()))
                .containsExactly(all.key());
    }

    @Test
    void anAcknowledgementGoesOnlyToTheSinksThatHadTheAlert() {
        assertThat(router.choose(alert(Severity.MEDIUM, 2, AlertStatus.ACKNOWLEDGED), AlertChange.ACKNOWLEDGED,
                Set.of(all.key()))).containsExactly(all.key());
    }

    @Test
    void anAlertThatRisesToCriticalReachesThePagerWithThatRevision() {
        assertThat(router.choose(alert(Severity.CRITICAL, 2, AlertStatus.OPEN), AlertChange.UPDATED,
                Set.of(all.key()))).containsExactly(all.key(), pager.key());
    }

    @Test
    void anEscalationGoesToTheEscalationContactsOnlyAndTheyFollowTheAlertAfterwards() {
        Alert open = alert(Severity.MEDIUM, 2, AlertStatus.OPEN);
        assertThat(router.choose(open, AlertChange.ESCALATED, Set.of(all.key()))).containsExactly(boss.key());
        assertThat(router.choose(alert(Severity.MEDIUM, 3, AlertStatus.ACKNOWLEDGED), AlertChange.ACKNOWLEDGED,
                Set.of(all.key(), boss.key()))).containsExactly(all.key(), boss.key());
        assertThat(router.choose(alert(Severity.MEDIUM, 3, AlertStatus.ACKNOWLEDGED), AlertChange.ACKNOWLEDGED,
                Set.of(all.key()))).containsExactly(all.key());
    }

    @Test
    void sinksWithoutANotifierAndUnknownOfficesGetNothing() {
        AlertRouter partial = new AlertRouter(List.of(office), Set.of(pager.key()));
        assertThat(partial.choose(alert(Severity.MEDIUM, 1, AlertStatus.OPEN), AlertChange.CREATED, Set.of()))
                .isEmpty();
        AlertRouter none = new AlertRouter(List.of(), Set.of(all.key()));
        assertThat(none.choose(alert(Severity.CRITICAL, 1, AlertStatus.OPEN), AlertChange.CREATED, Set.of()))
                .isEmpty();
    }
}
