package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Draft;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {
    /** The demo's 06:30 post (Berlin time) of 8 January 2016. */
    private static final String INCIDENT = "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl";
    private static final Instant AT_0630 = Instant.parse("2016-01-08T05:30:00Z");

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    private Alert incident() {
        return console.alert(ConsoleFixture.post("sms-twitter", "630", INCIDENT, AT_0630), "sms-presse",
                ReasonCode.UNAPPROVED, ReasonCode.OUTSIDE_HOURS);
    }

    @Test
    void theInboxShowsThe0630AlertWithItsIdSeverityChannelTimeReasonsAndText() {
        Alert a = incident();
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        String page = b.get("/alerts").body();

        assertThat(page).contains("data-alert-id=\"" + a.id() + "\"").contains("sev-high").contains("HOCH")
                .contains("sms-twitter").contains("08.01.2016 06:30").contains("nicht freigegeben")
                .contains("außerhalb der Zeiten").contains(INCIDENT).contains("name=\"resolution\"")
                .contains("<label for=\"res-list-" + a.id() + "\">");
    }

    @Test
    void postTextIsEscapedAndBidiOverridesAreMadeVisible() {
        String hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> "
                + "[klick](javascript:alert(1)) javascript:alert(2) \u202Egnp.exe";
        Alert a = console.alert(ConsoleFixture.post("sms-twitter", "x1", hostile, AT_0630), "sms-presse",
                ReasonCode.UNAPPROVED);
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        for (String page : List.of(b.get("/alerts").body(), b.get("/alerts/" + a.id()).body())) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("\u202E")
                    .doesNotContain("href=\"javascript").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&gt;&lt;img src=x onerror=alert(1)&gt;").contains("[U+202E]gnp.exe");
        }
    }

    @Test
    void anotherOfficesUserGets404ForTheDetailAndDoesNotSeeTheAlertInTheInbox() {
        Alert a = incident();
        ConsoleFixture.Browser carl = console.browser();
        carl.signIn("carl");

        HttpResponse<String> detail = carl.get("/alerts/" + a.id());
        HttpResponse<String> unknown = carl.get("/alerts/a-doesnotexist");

        assertThat(detail.statusCode()).isEqualTo(404);
        assertThat(detail.body()).doesNotContain(INCIDENT).doesNotContain("sms-twitter");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(carl.get("/alerts").body()).doesNotContain(a.id()).doesNotContain(INCIDENT);
        assertThat(carl.submit("/alerts", "/alerts/" + a.id() + "/ack", Map.of("resolution", "incident"))
                .statusCode()).isEqualTo(404);
        assertThat(console.store.alert(a.id()).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
        ConsoleFixture.Browser root = console.browser();
        root.signIn("root");
        assertThat(root.get("/alerts").body()).contains(a.id());
    }

    @Test
    void acknowledgingFromTheListClosesTheAlertThroughTheAlertService() {
        Alert a = incident();
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        HttpResponse<String> r = b.submit("/alerts", "/alerts/" + a.id() + "/ack",
                Map.of("resolution", "incident", "from", "list"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/alerts");
        Alert after = console.store.alert(a.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(after.resolution()).isEqualTo(Resolution.INCIDENT);
        String inbox = b.get("/alerts").body();
        assertThat(inbox).contains("Alert bestätigt.").doesNotContain("data-alert-id=\"" + a.id() + "\"");
        assertThat(b.get("/alerts?status=acknowledged").body()).contains("data-alert-id=\"" + a.id() + "\"");
        assertThat(b.get("/alerts/" + a.id()).body()).contains("Bestätigt von anna – Vorfall");
    }

    @Test
    void theDetailShowsEveryVersionWithAWordDiffTheReasonsTheDeletionEvidenceAndTheTimeline() {
        Post first = ConsoleFixture.post("sms-twitter", "e1", "Die Schulen bleiben geöffnet", AT_0630);
        Alert a = console.alert(first, "sms-presse", ReasonCode.UNAPPROVED);
        Post edited = new Post(first.channelId(), first.platform(), first.platformId(), first.url(), first.author(),
                "Die Schulen bleiben nicht geöffnet", first.publishedAt(), AT_0630.plusSeconds(120), first.client(),
                "de", List.of(), AT_0630.plusSeconds(150), "{}");
        console.store.ingest("sms-twitter", List.of(edited), List.of(), null, false, edited.seenAt());
        console.store.ingest("sms-twitter", List.of(), List.of("e1"), null, false, AT_0630.plusSeconds(600));
        ConsoleFixture.Browser b = console.browser();
        b.signIn("bernd");

        String page = b.get("/alerts/" + a.id()).body();

        assertThat(page).contains("Fassung 1").contains("Fassung 2").contains("<ins title=\"hinzugefügt\">nicht</ins>")
                .contains("Beweissicherung").contains("Die Schulen bleiben nicht geöffnet")
                .contains("Warum dieser Alert?").contains("nicht freigegeben").contains("Alert erstellt")
                .contains("https://x.com/status/e1").contains("name=\"note\"");
        // the tombstone is dated by when the deletion was seen, not by the post
        assertThat(page).contains("Fassung 3 · gesehen Fr. 08.01.2016 06:40");
    }

    @Test
    void theInboxFiltersAndPagesInTheQuery() {
        for (int i = 0; i < 55; i++) {
            console.quietAlert(ConsoleFixture.post("sms-twitter", "p" + i, "Beitrag " + i,
                    AT_0630.plusSeconds(i)), "sms-presse", ReasonCode.OUTSIDE_HOURS);
        }
        Alert a = incident();
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        String first = b.get("/alerts").body();
        String unapproved = b.get("/alerts?reason=unapproved").body();

        assertThat(ids(first)).hasSize(AlertPages.PAGE_SIZE);
        assertThat(first).doesNotContain("rel=\"prev\"");
        String older = next(first);
        assertThat(older).isEqualTo("/alerts?before=" + ids(first).getLast());
        String second = b.get(older).body();
        assertThat(ids(second)).hasSize(6).doesNotContainAnyElementsOf(ids(first));
        assertThat(second).doesNotContain("rel=\"next\"");
        String newer = prev(second);
        assertThat(newer).isEqualTo("/alerts?after=" + ids(second).getFirst());
        assertThat(ids(b.get(newer).body())).as("back to a full first page").isEqualTo(ids(first));
        assertThat(ids(unapproved)).containsExactly(a.id());
        assertThat(b.get("/alerts?channel=smk-twitter").statusCode()).isEqualTo(400);
        assertThat(b.get("/alerts?reason=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void pageLinksKeepTheFiltersAndContinueRightAfterTheirAlert() {
        for (int i = 0; i < 120; i++) {
            console.quietAlert(ConsoleFixture.post("sms-twitter", "p" + i, "Beitrag " + i,
                    AT_0630.plusSeconds(i)), "sms-presse", i % 2 == 0 ? ReasonCode.OUTSIDE_HOURS
                    : ReasonCode.UNAPPROVED);
        }
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        List<String> walked = new java.util.ArrayList<>();
        String page = b.get("/alerts?reason=outside_hours&status=").body();
        List<String> links = new java.util.ArrayList<>();
        while (true) {
            walked.addAll(ids(page));
            String next = next(page);
            if (next == null) {
                break;
            }
            links.add(next);
            page = b.get(next).body();
        }

        List<String> expected = console.store.alerts(null, "sms-twitter").stream()
                .filter(x -> x.reasons().stream().anyMatch(f -> f.code() == ReasonCode.OUTSIDE_HOURS))
                .sorted(java.util.Comparator.comparing(Alert::createdAt).thenComparing(Alert::id).reversed())
                .map(Alert::id).toList();
        assertThat(walked).hasSize(60).isEqualTo(expected);
        assertThat(links).hasSize(1).allMatch(l -> l.startsWith("/alerts?reason=outside_hours&status=&before=a-"));
        assertThat(prev(page)).startsWith("/alerts?reason=outside_hours&status=&after=a-");
    }

    @Test
    void aPageLinkNamingAnUnknownOrAnotherOfficesAlertIsABadRequest() {
        Alert theirs = console.alert(ConsoleFixture.post("smk-twitter", "k1", "Schule", AT_0630), "smk-presse",
                ReasonCode.UNAPPROVED);
        Alert mine = incident();
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        HttpResponse<String> unknown = b.get("/alerts?before=a-doesnotexist");
        HttpResponse<String> other = b.get("/alerts?after=" + theirs.id());
        HttpResponse<String> both = b.get("/alerts?before=" + mine.id() + "&after=" + mine.id());

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("field 'before': unknown alert 'a-doesnotexist'");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("unknown alert").doesNotContain("Schule");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(ids(b.get("/alerts?before=" + mine.id()).body())).isEmpty();
    }

    private static List<String> ids(String page) {
        return java.util.regex.Pattern.compile("data-alert-id=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    private static String next(String page) {
        return link(page, "next");
    }

    private static String prev(String page) {
        return link(page, "prev");
    }

    private static String link(String page, String rel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" rel=\"" + rel + "\"")
                .matcher(page);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void aDraftIsRefusedToItsOwnDrafterWithTheReasonInThePageAndApprovedByASecondUser() {
        Alert unapproved = console.alert(ConsoleFixture.post("sms-twitter", "late",
                "Heute 11 Uhr: Ministerin eröffnet das Pflegeheim", AT_0630), "sms-presse", ReasonCode.UNAPPROVED);
        ConsoleFixture.Browser dora = console.browser();
        dora.signIn("dora");
        String form = dora.get("/drafts").body();
        assertThat(form).contains("<label for=\"d-channel\">").contains("<option value=\"sms-twitter\">")
                .doesNotContain("smk-twitter").contains("<label for=\"d-text\">");

        HttpResponse<String> submitted = dora.submit("/drafts", "/drafts",
                Map.of("channel", "sms-twitter", "text", "Heute 11 Uhr: Ministerin eröffnet das Pflegeheim",
                        "not_before", "", "not_after", ""));
        assertThat(submitted.statusCode()).isEqualTo(303);
        Draft d = console.store.drafts(null, null).getFirst();
        String queue = dora.get("/drafts").body();
        assertThat(queue).contains("Entwurf eingereicht.").contains("data-draft-id=\"" + d.id() + "\"")
                .contains("action=\"/drafts/" + d.id() + "/approve\"");

        HttpResponse<String> self = dora.submit("/drafts", "/drafts/" + d.id() + "/approve", Map.of());

        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("role=\"alert\"")
                .contains("four-eyes: dora cannot approve draft " + d.id() + " they drafted themselves");
        assertThat(console.store.draft(d.id()).orElseThrow().status()).isEqualTo(Draft.Status.PENDING);

        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        assertThat(anna.get("/drafts").body()).as("no approver role, no buttons").doesNotContain("/approve\"");
        ConsoleFixture.Browser bernd = console.browser();
        bernd.signIn("bernd");
        HttpResponse<String> approved = bernd.submit("/drafts", "/drafts/" + d.id() + "/approve", Map.of());

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(console.store.draft(d.id()).orElseThrow().status()).isEqualTo(Draft.Status.APPROVED);
        assertThat(bernd.get("/drafts").body()).contains("Entwurf freigegeben.").contains(unapproved.id())
                .contains("freigegeben");
        assertThat(console.store.alert(unapproved.id()).orElseThrow().resolution())
                .isEqualTo(Resolution.APPROVED_LATE);
    }

    @Test
    void aRejectionNeedsAReasonAndShowsIt() {
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        anna.submit("/drafts", "/drafts", Map.of("channel", "sms-twitter", "text", "Entwurf",
                "not_before", "2016-01-08T09:00", "not_after", "2016-01-08T08:00"));
        assertThat(console.store.drafts(null, null)).isEmpty();
        HttpResponse<String> bad = anna.submit("/drafts", "/drafts", Map.of("channel", "sms-twitter", "text",
                "Entwurf", "not_before", "2016-01-08T09:00", "not_after", "2016-01-08T08:00"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("field 'not_after': must be after not_before").contains(">Entwurf<");
        anna.submit("/drafts", "/drafts", Map.of("channel", "sms-twitter", "text", "Entwurf"));
        Draft d = console.store.drafts(null, null).getFirst();
        ConsoleFixture.Browser bernd = console.browser();
        bernd.signIn("bernd");

        HttpResponse<String> r = bernd.submit("/drafts", "/drafts/" + d.id() + "/reject",
                Map.of("reason", "Ton <passt> nicht"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(bernd.get("/drafts").body()).contains("Entwurf abgelehnt.").contains("Ton &lt;passt&gt; nicht");
    }
}
