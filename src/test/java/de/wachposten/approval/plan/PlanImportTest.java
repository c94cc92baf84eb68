package de.wachposten.approval.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.Policy;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlanImportTest {
    private static final Instant NOW = Instant.parse("2016-01-07T12:00:00Z");
    private final AtomicInteger n = new AtomicInteger();
    private final PlanImport plans = new PlanImport(config(), () -> "ap-" + n.incrementAndGet());

    static Config config() {
        Policy p = new Policy(true, List.of(), Policy.DEFAULT_ZONE, null, ChannelStatus.ACTIVE, List.of());
        return new Config(Path.of("wachposten.yaml"), new Config.Server("127.0.0.1", 0, null),
                new Config.Store(Path.of("data/test.db"), null), Path.of("rules"), null, Map.of(),
                List.of(new Office("sms-presse", "Pressestelle SMS", "de", List.of())),
                List.of(new User("anna", null, Set.of(Role.DRAFTER), Set.of("sms-presse"), "0".repeat(64)),
                        new User("bernd", null, Set.of(Role.APPROVER), Set.of("sms-presse"), "1".repeat(64)),
                        new User("dora", null, Set.of(Role.DRAFTER, Role.APPROVER), Set.of("sms-presse"),
                                "2".repeat(64))),
                List.of(new ChannelConfig("sms-twitter", null, "twitter", "SMS_Sachsen", "sms-presse", null, Map.of(),
                        Duration.ofSeconds(60), false, null, p, List.of(), List.of(), 1)));
    }

    @Test
    void readsACsvPlanWithQuotedCommasQuotesAndLineBreaks() {
        String csv = """
                channel,not_before,not_after,drafted_by,approved_by,text
                sms-twitter,2016-01-08T08:00:00Z,2016-01-08T12:00:00Z,anna,bernd,"Heute, 10 Uhr: ""Pflege"" im Fokus"
                sms-twitter,,,anna,bernd,"Zwei
                Zeilen"
                """;

        List<Approval> out = plans.read("plan.csv", null, csv, null, null, NOW);

        assertThat(out).extracting(Approval::text).containsExactly("Heute, 10 Uhr: \"Pflege\" im Fokus", "Zwei\nZeilen");
        assertThat(out.get(0).notBefore()).isEqualTo(Instant.parse("2016-01-08T08:00:00Z"));
        assertThat(out.get(0).approvedBy()).isEqualTo("bernd");
        assertThat(out.get(1).notAfter()).isNull();
    }

    @Test
    void reportsEveryBadRowWithFileAndLineAndImportsNothing() {
        String csv = """
                channel,not_before,not_after,drafted_by,approved_by,text
                sms-twitter,,,anna,bernd,gut
                sms-facebook,,,anna,bernd,falscher Kanal
                sms-twitter,,,dora,dora,selbst freigegeben
                sms-twitter,morgen,,anna,bernd,kaputte Zeit
                sms-twitter,,,bernd,anna,Rollen vertauscht
                """;

        assertThatThrownBy(() -> plans.read("plan.csv", null, csv, null, null, NOW))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.errors()).containsExactly(
                        "plan.csv:5: not_before 'morgen' is not an ISO-8601 instant",
                        "plan.csv:3: unknown channel 'sms-facebook'",
                        "plan.csv:4: four-eyes: dora cannot approve a text drafted by dora",
                        "plan.csv:6: drafted_by: user bernd lacks the drafter role for office sms-presse",
                        "plan.csv:6: approved_by: user anna lacks the approver role for office sms-presse"));
    }

    @Test
    void aCallerImportingThroughTheApiApprovesEveryRowThemselves() {
        String csv = "channel,drafted_by,approved_by,text\nsms-twitter,anna,,eins\nsms-twitter,anna,dora,zwei\n";

        assertThatThrownBy(() -> plans.read("plan.csv", "csv", csv, null, "bernd", NOW))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.errors()).containsExactly(
                        "plan.csv:3: approved_by 'dora' is not the caller bernd (an import approves as the caller)"));
    }

    @Test
    void rejectsUnknownColumnsAndUnclosedQuotes() {
        assertThatThrownBy(() -> plans.read("p.csv", null, "channel,txt\n", null, null, NOW))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.errors()).contains(
                        "p.csv:1: unknown column 'txt' (expected: channel,not_before,not_after,drafted_by,approved_by,text)",
                        "p.csv:1: missing column 'text'"));
        assertThatThrownBy(() -> plans.read("p.csv", null, "channel,drafted_by,text\nsms-twitter,anna,\"offen\n", "bernd",
                null, NOW)).hasMessageContaining("p.csv:2: quoted field not closed");
    }

    @Test
    void readsAnICalendarPlanWithFoldedLinesTimeZonesAndTheOrganizerAsApprover() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "BEGIN:VEVENT", "UID:1", "DTSTART;TZID=Europe/Berlin:20160108T090000", "DTEND:20160108T120000Z",
                "SUMMARY:Pressekonferenz", "DESCRIPTION:Heute 10 Uhr: Pressekonferenz\\, live auf ",
                " sms.sachsen.de", "X-WACHPOSTEN-CHANNEL:sms-twitter", "X-WACHPOSTEN-DRAFTED-BY:anna",
                "ORGANIZER;CN=bernd:mailto:bernd@sms.example", "END:VEVENT",
                "BEGIN:VEVENT", "UID:2", "DTSTART;VALUE=DATE:20160109", "SUMMARY:Wochenendgruß",
                "CATEGORIES:sms-twitter,Social", "X-WACHPOSTEN-DRAFTED-BY:anna", "END:VEVENT", "END:VCALENDAR", "");

        List<Approval> out = plans.read("plan.ics", null, ics, "dora", null, NOW);

        assertThat(out).hasSize(2);
        assertThat(out.get(0).text()).isEqualTo("Heute 10 Uhr: Pressekonferenz, live auf sms.sachsen.de");
        assertThat(out.get(0).notBefore()).isEqualTo(Instant.parse("2016-01-08T08:00:00Z"));
        assertThat(out.get(0).notAfter()).isEqualTo(Instant.parse("2016-01-08T12:00:00Z"));
        assertThat(out.get(0).approvedBy()).isEqualTo("bernd");
        assertThat(out.get(1).text()).isEqualTo("Wochenendgruß");
        assertThat(out.get(1).channelId()).isEqualTo("sms-twitter");
        assertThat(out.get(1).notBefore()).isEqualTo(Instant.parse("2016-01-08T23:00:00Z"));
        assertThat(out.get(1).approvedBy()).isEqualTo("dora");
    }

    @Test
    void aCalendarEventWithoutDrafterIsAnErrorAtItsBeginLine() {
        String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nX-WACHPOSTEN-CHANNEL:sms-twitter\nEND:VEVENT\nEND:VCALENDAR\n";

        assertThatThrownBy(() -> plans.read("plan.ics", null, ics, "bernd", null, NOW))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.errors())
                        .containsExactly("plan.ics:2: drafted_by missing"));
    }
}
