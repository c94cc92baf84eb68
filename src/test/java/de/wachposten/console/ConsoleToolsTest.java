package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.Approval;
import de.wachposten.model.ReasonCode;
import de.wachposten.report.ReportBuilder;
import de.wachposten.report.ReportFormat;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel board, archive search, incident review, pre-flight check, closest approval and plan upload. */
class ConsoleToolsTest {
    private static final String INCIDENT = "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl";
    private static final String HOSTILE = "Ungeziefer <script>alert(1)</script> \"><img src=x onerror=alert(1)>";
    private static final Instant AT_0630 = Instant.parse("2016-01-08T05:30:00Z");

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    private static void assertInert(String page) {
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    private Alert hostileAlert() {
        return console.alert(ConsoleFixture.post("sms-twitter", "h1", HOSTILE, AT_0630), "sms-presse",
                ReasonCode.UNAPPROVED);
    }

    @Test
    void everyPageIsLinkedFromTheLayoutAndRendersForItsUser() {
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");
        for (String path : List.of("/channels", "/search", "/report", "/check", "/drafts", "/alerts")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("href=\"/channels\"").contains("href=\"/search\"")
                    .contains("href=\"/report\"").contains("href=\"/check\"").contains("href=\"/drafts\"")
                    .contains("sms-twitter").doesNotContain("smk-twitter");
        }
        assertThat(console.browser().get("/channels").statusCode()).isEqualTo(303);
    }

    @Test
    void theChannelBoardShowsStateErrorsBackoffAccessAndOverdueRotationsProblemsFirst() {
        console.health.put("smk-twitter", Map.of("state", "failing", "consecutive_failures", 3,
                "last_error", "<b>HTTP 401</b>", "next_poll_at", "2016-01-08T06:05:00Z"));
        console.store.openRotationTasks("ex-mitarbeiter", AT_0630.minusSeconds(3 * 86_400), List.of("smk-twitter"),
                "root", AT_0630.minusSeconds(3 * 86_400));
        ConsoleFixture.Browser root = console.browser();
        root.signIn("root");

        String page = root.get("/channels").body();

        assertThat(page.indexOf("data-channel-id=\"smk-twitter\"")).isPositive()
                .isLessThan(page.indexOf("data-channel-id=\"sms-twitter\""));
        assertThat(page).contains("twitter · SMK_Sachsen").contains("aktiv").contains("&lt;b&gt;HTTP 401&lt;/b&gt;")
                .doesNotContain("<b>HTTP").contains("Fehlschläge in Folge: 3").contains("überfällig: ex-mitarbeiter")
                .contains("noch nie").doesNotContain("do-not-show");
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        assertThat(anna.get("/channels").body()).doesNotContain("smk-twitter").doesNotContain("HTTP 401");
    }

    @Test
    void theChannelBoardNamesTheInstancePollingEachChannelAndFlagsAChannelNobodyPolls() {
        console.health.put("sms-twitter", Map.of("state", "remote", "instance", "wp-<2>"));
        console.health.put("smk-twitter", Map.of("state", "unleased"));
        ConsoleFixture.Browser root = console.browser();
        root.signIn("root");

        String page = root.get("/channels").body();

        assertThat(page).contains("Abgerufen von Instanz").contains("wp-&lt;2&gt;").doesNotContain("wp-<2>")
                .contains("keiner – niemand ruft den Kanal gerade ab");
        assertThat(page.indexOf("data-channel-id=\"smk-twitter\"")).as("a channel nobody polls is a problem")
                .isPositive().isLessThan(page.indexOf("data-channel-id=\"sms-twitter\""));
    }

    @Test
    void searchMarksTheMatchedWordsEscapesThePostAndRefusesBadQueriesAndOtherOffices() {
        hostileAlert();
        console.alert(ConsoleFixture.post("sms-twitter", "p2", "Heute eröffnen wir zwei Pflegeheime.",
                AT_0630.plusSeconds(60)), "sms-presse", ReasonCode.UNAPPROVED);
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        String hits = b.get("/search?q=ungeziefer&channel=sms-twitter&from=2016-01-08&to=2016-01-08").body();
        String stemmed = b.get("/search?q=Pflegeheim").body();
        HttpResponse<String> bad = b.get("/search?q=%28Ungeziefer");
        HttpResponse<String> other = b.get("/search?q=x&channel=smk-twitter");

        assertThat(hits).contains("<mark>Ungeziefer</mark> &lt;script&gt;").doesNotContain("zwei Pflegeheime");
        assertInert(hits);
        assertThat(stemmed).contains("<mark>Pflegeheime</mark>").doesNotContain("Ungeziefer");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"").contains("field 'q': Cannot parse");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(b.get("/search?reason=unapproved&from=2016-01-09").body()).contains("Treffer: 0");
    }

    @Test
    void theReportShowsTheTimelineAndItsDownloadsAreTheReportCommandsRenderings() {
        hostileAlert();
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");
        String span = "channel=sms-twitter&from=2016-01-08&to=2016-01-09";

        HttpResponse<String> page = b.get("/report?" + span);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("alert created").contains("/report/download?format=md&amp;" + span
                .replace("&", "&amp;"));
        assertInert(page.body());
        var report = new ReportBuilder(console.store, console.config, ConsoleFixture.CLOCK).build("sms-twitter",
                Instant.parse("2016-01-07T23:00:00Z"), Instant.parse("2016-01-08T23:00:00Z"));
        for (ReportFormat f : ReportFormat.values()) {
            String ext = f.name().toLowerCase();
            HttpResponse<String> d = b.get("/report/download?format=" + ext + "&" + span);
            assertThat(d.statusCode()).as(ext).isEqualTo(200);
            assertThat(d.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"report-sms-twitter-").endsWith("." + ext + "\"");
            assertThat(d.body()).as(ext).isEqualTo(f.render(report));
        }
        String html = b.get("/report/download?format=html&" + span).body();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("src=\"http")
                .contains("&lt;script&gt;");
        assertThat(b.get("/report?channel=sms-twitter&from=2016-01-09&to=2016-01-08").statusCode()).isEqualTo(400);
        ConsoleFixture.Browser carl = console.browser();
        carl.signIn("carl");
        assertThat(carl.get("/report?" + span).statusCode()).isEqualTo(404);
        assertThat(carl.get("/report/download?format=md&" + span).statusCode()).isEqualTo(404);
    }

    private void approve(String text) {
        console.store.addApprovals(List.of(new Approval("ap-1", "sms-twitter", text, null, null, "anna", "bernd",
                ConsoleFixture.NOW.minusSeconds(3600), null, null, null)));
    }

    @Test
    void theCheckFindsTheClosestApprovalTheRuleAndOutsideHoursForA0630FridayDraftAndStoresNothing() {
        approve("Wer solche Leute ins Land lässt, holt sich Gäste ins Haus. #Asyl");
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        HttpResponse<String> r = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text", INCIDENT,
                "at", "2016-01-08T06:30"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Keine offene Freigabe passt").contains("ap-1")
                .contains("<del title=\"entfernt\">gäste</del>").contains("<ins title=\"hinzugefügt\">ungeziefer</ins>")
                .contains("data-rule-id=\"de-dehumanizing-vermin\"").contains("<mark>Ungeziefer</mark>")
                .contains("außerhalb").contains("06:30").contains("Nichts wurde gespeichert");
        HttpResponse<String> approved = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text",
                "Wer solche Leute ins Land lässt, holt sich Gäste ins Haus. #Asyl", "at", "2016-01-08T10:00"));
        assertThat(approved.body()).contains("Freigegeben durch ap-1").contains("Keine Regel schlägt an")
                .contains("Keine Zeitregel schlägt an");
        HttpResponse<String> hostile = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text", HOSTILE));
        assertInert(hostile.body());
        assertThat(console.store.alerts(null, null)).isEmpty();
        assertThat(console.store.searchPosts(null, null, null, null, 10)).isEmpty();
        assertThat(console.store.openApprovals("sms-twitter")).hasSize(1);
        assertThat(b.post("/check", Map.of("channel", "sms-twitter", "text", INCIDENT)).statusCode()).isEqualTo(403);
        ConsoleFixture.Browser carl = console.browser();
        carl.signIn("carl");
        assertThat(carl.submit("/check", "/check", Map.of("channel", "sms-twitter", "text", INCIDENT)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCheckShowsTheClassifiersVerdictWithThePolicysThresholdAndMarksTheWordsThatDroveIt() {
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        String flagged = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text", INCIDENT)).body();
        String silent = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text",
                "Einladung zum Tag der offenen Tür im Ministerium am Samstag")).body();
        String condemned = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text",
                "Wir verurteilen es, Menschen als Ungeziefer zu bezeichnen.")).body();

        assertThat(flagged).containsPattern("<p class=\"verdict classifier\" data-classifier=\"flags\">"
                        + "Wahrscheinlichkeit 0\\.\\d\\d, Schwelle 0\\.65 \\(four-eyes\\): <strong>löst flagged_content aus "
                        + "\\(beleidigende Sprache\\)</strong></p>")
                .containsPattern("<p class=\"drivers\">Ausschlaggebende Wörter: Ungeziefer(, [^<,]+){1,4}</p>")
                .containsPattern("<p class=\"text marked classifier\" dir=\"auto\">[^\\n]*<mark>Ungeziefer</mark>");
        assertThat(silent).contains("data-classifier=\"below\"", "schlägt nicht an: unter der Schwelle")
                .contains("Keine Regel schlägt an");
        assertThat(condemned).contains("data-classifier=\"distancing\"",
                "schlägt nicht an: der Text berichtet, zitiert oder verurteilt");
        assertThat(console.store.alerts(null, null)).isEmpty();
    }

    @Test
    void theClassifiersWordsAreMarkedOnTheEscapedText() {
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");
        String hostile = "Du dummer Vollpfosten <script>alert(1)</script> \"><img src=x onerror=alert(1)>";

        String page = b.submit("/check", "/check", Map.of("channel", "sms-twitter", "text", hostile)).body();

        assertInert(page);
        assertThat(page).contains("data-classifier=\"flags\"")
                .containsPattern("<p class=\"text marked classifier\" dir=\"auto\">Du <mark>dummer</mark> "
                        + "<mark>Vollpfosten</mark> &lt;");
    }

    @Test
    void theCheckSaysWhenThePolicySwitchesTheClassifierOff() {
        de.wachposten.config.ChannelConfig ch = console.config.channel("sms-twitter").orElseThrow();
        de.wachposten.config.Policy p = ch.policy();
        de.wachposten.config.Policy off = new de.wachposten.config.Policy(p.approvalRequired(), p.hours(), p.timezone(),
                p.holidays(), p.status(), p.clients(), p.closedDays(), p.behaviour(), p.similarity(), p.minApprovers(),
                p.linkDomains(), new de.wachposten.config.ContentSettings(false, 0.5));
        de.wachposten.config.ChannelConfig inline = new de.wachposten.config.ChannelConfig(ch.id(), ch.name(),
                ch.platform(), ch.account(), ch.officeId(), ch.baseUrl(), ch.credentials(), ch.pollInterval(),
                ch.checkHistory(), null, off, ch.access(), ch.agencies(), ch.line(), ch.jetstreamUrl());

        Views.ClassifierHit hit = CheckPages.classifier(ConsoleFixture.RULES, INCIDENT, inline,
                ConsoleText.of("en"));

        assertThat(hit.state()).isEqualTo("off");
        assertThat(hit.threshold()).isEqualTo("0.50");
        assertThat(hit.policy()).isEqualTo("the channel's policy");
        assertThat(hit.words()).contains("Ungeziefer");
    }

    @Test
    void theAlertDetailShowsTheClosestApprovalWithTheMatchersWordDiff() {
        approve("Wer solche Leute ins Land lässt, holt sich Gäste ins Haus. #Asyl");
        Alert a = console.alert(ConsoleFixture.post("sms-twitter", "630", INCIDENT, AT_0630), "sms-presse",
                ReasonCode.UNAPPROVED, ReasonCode.OUTSIDE_HOURS);
        ConsoleFixture.Browser b = console.browser();
        b.signIn("anna");

        String page = b.get("/alerts/" + a.id()).body();

        assertThat(page).contains("Nächste Freigabe").contains("ap-1").contains("passt nicht")
                .contains("<del title=\"entfernt\">gäste</del>").contains("<ins title=\"hinzugefügt\">ungeziefer</ins>");
    }

    private static final String GOOD_PLAN = "channel,not_before,not_after,drafted_by,text\n"
            + "sms-twitter,2016-01-08T09:00:00Z,2016-01-08T12:00:00Z,anna,Pressekonferenz um 11 Uhr\n";

    @Test
    void aPlanWithErrorsIsRefusedWithLineMessagesAndStoresNothingAGoodOneIsImported() {
        ConsoleFixture.Browser bernd = console.browser();
        bernd.signIn("bernd");
        String bad = GOOD_PLAN + "smk-twitter,,,anna,Fremder Kanal\nsms-twitter,,,,\n";

        HttpResponse<String> refused = bernd.submit("/drafts", "/drafts/plan", Map.of("plan", bad, "format", "csv"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("nichts wurde gespeichert").containsPattern("<li>3: [^<]+</li>")
                .containsPattern("<li>4: [^<]*text missing</li>").doesNotContain("plan.csv:");
        assertThat(console.store.approvals("sms-twitter")).isEmpty();
        assertThat(bernd.post("/drafts/plan", Map.of("plan", GOOD_PLAN)).statusCode()).isEqualTo(403);

        String csrf = ConsoleFixture.csrf(bernd.get("/drafts").body());
        HttpResponse<String> ok = bernd.send(multipart(csrf, "plan.csv", GOOD_PLAN));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(bernd.get("/drafts").body()).contains("Plan importiert, Freigaben: 1");
        assertThat(console.store.approvals("sms-twitter")).singleElement()
                .satisfies(ap -> assertThat(ap.approvedBy()).isEqualTo("bernd"));
        HttpResponse<String> noCsrf = bernd.send(multipart("wrong", "plan.csv", GOOD_PLAN));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(console.store.approvals("sms-twitter")).hasSize(1);
    }

    private HttpRequest.Builder multipart(String csrf, String fileName, String content) {
        String boundary = "----wachposten-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(console.uri("/drafts/plan"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
