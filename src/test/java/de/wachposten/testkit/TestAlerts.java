package de.wachposten.testkit;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Instant;
import java.util.List;

/** Sample alerts modelled on the 06:30 tweet of 8 January 2016. */
public final class TestAlerts {
    /** Publication time of the sample post. */
    public static final Instant PUBLISHED = Instant.parse("2016-01-08T05:30:00Z");

    private TestAlerts() {}

    /** The alert about post {@code postId} of channel {@code sms-twitter}, in {@code revision}. */
    public static Alert alert(String postId, int revision) {
        Post post = new Post("sms-twitter", "twitter", postId, "https://x.com/SMS_Sachsen/status/" + postId,
                "SMS_Sachsen", "Umlaute äöü ß, quotes \" and <tags> & emoji \uD83D\uDEA8", PUBLISHED, null,
                "Twitter Web Client", "de", List.of(), PUBLISHED.plusSeconds(20), "{}");
        List<Finding> reasons = List.of(
                Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval matches (best similarity 0.12)"),
                Finding.of(ReasonCode.OUTSIDE_HOURS, Severity.MEDIUM, "Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00"));
        Instant created = PUBLISHED.plusSeconds(21);
        return new Alert(Alert.idFor("sms-twitter", postId), "sms-twitter", "twitter", "sms-presse",
                Alert.severityOf(reasons), reasons, post, created, created.plusSeconds(revision - 1L), revision,
                AlertStatus.OPEN, null);
    }

    /** Revision 1 of the alert about {@code postId}. */
    public static Alert alert(String postId) {
        return alert(postId, 1);
    }
}
