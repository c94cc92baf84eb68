package de.wachposten.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.demo.Demo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console in a real headless Chromium (Debian's, driven by playwright-core from {@code src/test/browser}) against
 * the real daemon: simulator, daemon and webhook receiver on loopback, a fresh store per test. Skipped outside CI
 * when Chromium, Node.js or {@code node_modules} are missing (with the install command); fails under {@code CI=true}.
 * Screenshots go to {@code target/screenshots}, or where {@code -Dwachposten.screenshots=DIR} says.
 */
class ConsoleBrowserTest {
    static final String XSS_SCRIPT = "<script>window.__pwned=true;alert('script')</script> Skript";
    static final String XSS_ATTR = "\"><img src=x onerror=\"window.__pwned=true;alert('img')\"> Bild";
    static final String XSS_LINK = "Mehr unter javascript:alert(document.cookie) klicken";
    static final String XSS_RLO = "Sicher \u202Efdp.exe\u202C Anhang";

    private ConsoleStack stack;

    /** Per test, so a missing browser reports each test as skipped with the install command. */
    @BeforeEach
    void browser() {
        BrowserKit.require();
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private ConsoleStack stack(String berlinStart) {
        stack = new ConsoleStack(berlinStart);
        return stack;
    }

    private static JsonObject run(ConsoleStack s, String scenario, JsonObject params) throws Exception {
        try (BrowserKit.Run run = BrowserKit.start(scenario, s.base(), params)) {
            JsonObject r = run.result();
            System.out.println("[" + scenario + "] " + r.encodePrettily());
            return r;
        }
    }

    /** The demo's 06:30 post: unapproved, outside office hours, flagged content (Ungeziefer), via Twitter for Windows. */
    private String incident(ConsoleStack s) {
        String post = s.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT, "Twitter for Windows");
        return s.awaitAlertId("sms-sachsen", post);
    }

    static void noScriptEvents(JsonObject events, String... alsoFailing) {
        assertThat(events.getJsonArray("dialogs")).as("dialogs").isEmpty();
        assertThat(events.getJsonArray("errors")).as("page errors").isEmpty();
        assertThat(events.getJsonArray("csp")).as("console errors").isEmpty();
        assertThat(events.getJsonArray("failed").getList()).as("failed requests (Chromium asks for a favicon)")
                .allMatch(f -> f.toString().equals("404 /favicon.ico") || f.toString().startsWith("401 /login")
                        || List.of(alsoFailing).stream().anyMatch(a -> f.toString().matches(a)));
    }

    @Test
    void signInAndSignOut() throws Exception {
        JsonObject r = run(stack("2016-01-08T09:00:00"), "signInOut", new JsonObject().put("token", "test-bernd"));
        assertThat(r.getString("start")).isEqualTo("/login");
        assertThat(r.getJsonObject("wrong").getString("path")).isEqualTo("/login");
        assertThat(r.getJsonObject("wrong").getString("error")).isNotBlank();
        JsonObject in = r.getJsonObject("signedIn");
        assertThat(in.getString("path")).isEqualTo("/alerts");
        assertThat(in.getString("who")).contains("Bernd Beispiel");
        JsonObject session = in.getJsonArray("cookies").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("wachposten_session")).findFirst().orElseThrow();
        assertThat(session.getBoolean("httpOnly")).isTrue();
        assertThat(session.getString("sameSite")).isEqualTo("Strict");
        assertThat(r.getJsonObject("signedOut").getString("path")).isEqualTo("/login");
        assertThat(r.getJsonObject("signedOut").getJsonArray("cookies").getList()).doesNotContain("wachposten_session");
        assertThat(r.getString("afterwards")).isEqualTo("/login");
        noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void the0630AlertInTheInboxAndItsDetail() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        String id = incident(s);
        JsonObject r = run(s, "incident", new JsonObject().put("token", "test-bernd").put("alertId", id));
        JsonObject row = r.getJsonObject("inbox");
        assertThat(row).as("the alert is in the inbox").isNotNull();
        assertThat(row.getString("text")).isEqualTo(Demo.INCIDENT_TEXT);
        assertThat(row.getString("channel")).contains("sms-sachsen");
        assertThat(row.getString("time")).contains("06:30");
        assertThat(String.join("\n", row.getJsonArray("reasons").getList())).contains("Ungeziefer");
        assertThat(row.getJsonArray("reasons")).hasSize(3);
        JsonObject d = r.getJsonObject("detail");
        assertThat(d.getString("path")).isEqualTo("/alerts/" + id);
        assertThat(d.getString("facts")).contains("Twitter for Windows").contains("06:30");
        assertThat(d.getString("post")).isEqualTo(Demo.INCIDENT_TEXT);
        assertThat(d.getJsonArray("reasons")).hasSize(3);
        assertThat(d.getJsonArray("resolutions").getList()).contains("incident", "false_positive", "approved_late");
        assertThat(d.getJsonArray("timeline")).isNotEmpty();
        noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void aNewAlertArrivesInTheOpenInboxWithoutReloadWithinTwoSecondsAndIsAcknowledgedFromItsLiveRow() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        String first = incident(s);
        try (BrowserKit.Run run = BrowserKit.start("live", s.base(), new JsonObject().put("token", "test-bernd")
                .put("resolution", "incident"))) {
            assertThat(run.awaitStep("open").getInteger("rows")).isEqualTo(1);
            String post = s.publishSms("2016-01-08T06:41:00", "Noch ein Beitrag ohne Freigabe.", "Twitter for Windows");
            String id = s.awaitAlertId("sms-sachsen", post);
            long committed = System.currentTimeMillis();
            run.proceed(new JsonObject().put("alertId", id));
            JsonObject r = run.result();
            System.out.println("[live] " + r.encodePrettily());
            long lag = r.getLong("arrivedAt") - committed;
            System.out.println("[live] row appeared " + lag + " ms after the alert was in the store");
            assertThat(lag).as("ms from commit to the row in the page").isLessThan(2000);
            assertThat(r.getBoolean("notReloaded")).isTrue();
            assertThat(r.getString("notice")).as("live notice").isNotBlank().contains("sms-sachsen");
            assertThat(r.getString("first")).isEqualTo(id).isNotEqualTo(first);
            assertThat(r.getJsonObject("row").getString("text")).isEqualTo("Noch ein Beitrag ohne Freigabe.");
            JsonObject form = r.getJsonObject("liveForm");
            assertThat(form.getInteger("forms")).as("the live row has its acknowledge form").isEqualTo(1);
            assertThat(form.getString("csrf")).as("with the session's CSRF token").isNotBlank();
            assertThat(form.getJsonArray("resolutions").getList()).contains("incident", "false_positive");
            assertThat(form.getInteger("label")).isEqualTo(1);
            JsonObject ack = r.getJsonObject("acknowledged");
            assertThat(ack.getString("path")).isEqualTo("/alerts");
            assertThat(ack.getString("flash")).isNotBlank();
            assertThat(ack.getInteger("stillListed")).isZero();
            assertThat(s.daemon.store().alert(id).orElseThrow().status().wire()).isEqualTo("acknowledged");
            assertThat(s.daemon.store().alert(id).orElseThrow().resolution().wire()).isEqualTo("incident");
            noScriptEvents(r.getJsonObject("events"));
        }
    }

    @Test
    void acknowledgeFromTheListAndFromTheDetailPage() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        String a = incident(s);
        String b = s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:35:00", "Zweiter Beitrag.", "Twitter for Windows"));
        JsonObject r = run(s, "acknowledge", new JsonObject().put("token", "test-bernd").put("listAlert", b)
                .put("detailAlert", a).put("resolution", "incident"));
        assertThat(r.getJsonObject("list").getInteger("stillListed")).isZero();
        assertThat(r.getJsonObject("detail").getInteger("ackForm")).isZero();
        assertThat(String.join("\n", r.getJsonObject("detail").getJsonArray("timeline").getList()))
                .contains("bernd").contains("Beitrag gelöscht, Stellungnahme folgt.");
        assertThat(r.getJsonArray("acknowledged").getList()).containsExactlyInAnyOrder(a, b);
        JsonArray stored = new JsonArray(s.daemon.store().alerts(null, "sms-sachsen").stream()
                .map(x -> x.status().toString()).toList());
        assertThat(stored.getList()).hasSize(2).allMatch(st -> st.toString().equalsIgnoreCase("acknowledged"));
        noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void draftFourEyesRefusalApprovalBySecondUserThenThePostArrivesSilently() throws Exception {
        ConsoleStack s = stack("2016-01-08T09:30:00");
        String text = "Heute 11 Uhr: Ministerin eröffnet das neue Pflegeheim in Chemnitz.";
        try (BrowserKit.Run run = BrowserKit.start("fourEyes", s.base(), new JsonObject()
                .put("drafterToken", "test-bernd").put("approverToken", "test-clara").put("text", text)
                .put("notBefore", "2016-01-08T09:00").put("notAfter", "2016-01-08T11:00"))) {
            run.awaitStep("approved");
            String post = s.publishSms("2016-01-08T10:00:00", text, "Hootsuite");
            s.awaitStored("sms-sachsen", post);
            Thread.sleep(1500); // time for an alert to be committed, delivered and pushed, were there one
            run.proceed();
            JsonObject r = run.result();
            System.out.println("[fourEyes] " + r.encodePrettily());
            assertThat(r.getString("refusal")).contains("four-eyes").contains("bernd");
            assertThat(r.getString("refusalRole")).isEqualTo("alert");
            assertThat(r.getJsonObject("approved").getString("head")).contains("clara");
            assertThat(r.getJsonObject("approved").getInteger("refusal")).isZero();
            assertThat(r.getBoolean("notice")).as("no live notice").isFalse();
            assertThat(r.getInteger("rowsAfterReload")).isZero();
            assertThat(r.getBoolean("textInInbox")).isFalse();
            assertThat(s.daemon.store().alerts(null, "sms-sachsen")).isEmpty();
            assertThat(s.receiver.received()).as("no webhook").isEmpty();
            noScriptEvents(r.getJsonObject("events").getJsonObject("drafter"), "403 /drafts/dr-[0-9a-f]+/approve");
            noScriptEvents(r.getJsonObject("events").getJsonObject("approver"));
        }
    }

    @Test
    void hostilePostTextRendersInertInListDetailAndLiveRow() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:00:00");
        List<String> texts = List.of(XSS_SCRIPT, XSS_ATTR, XSS_LINK, XSS_RLO);
        JsonArray ids = new JsonArray();
        int minute = 1;
        for (String t : texts) {
            ids.add(s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:0" + minute++ + ":00", html(t),
                    "Twitter for Windows")));
        }
        try (BrowserKit.Run run = BrowserKit.start("xss", s.base(), new JsonObject().put("token", "test-bernd")
                .put("alertIds", ids))) {
            run.awaitStep("open");
            String live = s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:09:00",
                    html(XSS_ATTR + " " + XSS_SCRIPT + " live"), "\"><img src=x onerror=alert(1)>"));
            run.proceed(new JsonObject().put("alertId", live));
            JsonObject r = run.result();
            System.out.println("[xss] " + r.encodePrettily());
            inert(r.getJsonObject("inbox"));
            JsonObject shown = r.getJsonObject("texts");
            assertThat(shown.getString(ids.getString(0))).contains("<script>window.__pwned=true;alert('script')</script>");
            assertThat(shown.getString(ids.getString(1))).contains("\"><img src=x onerror=");
            assertThat(shown.getString(ids.getString(2))).contains("javascript:alert(document.cookie)");
            assertThat(shown.getString(ids.getString(3))).contains("[U+202E]").doesNotContain("\u202E");
            for (int i = 0; i < ids.size(); i++) {
                JsonObject d = r.getJsonObject("details").getJsonObject(ids.getString(i));
                inert(d.getJsonObject("probe"));
                assertThat(d.getString("post")).isEqualTo(shown.getString(ids.getString(i)));
            }
            inert(r.getJsonObject("live").getJsonObject("probe"));
            assertThat(r.getJsonObject("live").getString("text")).contains("<img src=x onerror=").contains("<script>");
            noScriptEvents(r.getJsonObject("events"));
        }
    }

    /** {@code text} as Mastodon's HTML content carries what a user typed: escaped. */
    private static String html(String text) {
        return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;") + "</p>";
    }

    private static void inert(JsonObject probe) {
        assertThat(probe.getInteger("injectedImgs")).as("img elements").isZero();
        assertThat(probe.getInteger("inlineScripts")).as("inline scripts").isZero();
        assertThat(probe.getJsonArray("scripts").getList()).as("scripts").containsExactly("/static/console.js");
        assertThat(probe.getInteger("onAttributes")).as("on* attributes").isZero();
        assertThat(probe.getInteger("jsLinks")).as("javascript: links").isZero();
        assertThat(probe.getBoolean("pwned")).as("injected script ran").isFalse();
    }

    @Test
    void aUserOfAnotherOfficeIsRefused() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        String id = incident(s);
        JsonObject r = run(s, "otherOffice", new JsonObject().put("token", "test-otto").put("alertId", id));
        assertThat(r.getJsonArray("rows")).isEmpty();
        assertThat(r.getString("inboxText")).doesNotContain("Ungeziefer").doesNotContain("sms-sachsen");
        assertThat(r.getJsonObject("detail").getInteger("status")).isEqualTo(404);
        assertThat(r.getJsonObject("detail").getString("text")).doesNotContain("Ungeziefer")
                .isEqualTo(r.getJsonObject("unknown").getString("text"));
        assertThat(r.getJsonObject("unknown").getInteger("status")).isEqualTo(404);
        assertThat(r.getInteger("anyRows")).isZero();
    }

    @Test
    void keyboardOnlySignIn() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        incident(s);
        JsonObject r = run(s, "keyboard", new JsonObject().put("token", "test-bernd"));
        assertThat(r.getString("initial")).as("autofocus").isEqualTo("#token");
        assertThat(r.getJsonArray("order").getList()).containsExactly("a.skip", "#token", "button[submit]");
        assertThat(r.getJsonArray("back").getList()).containsExactly("#token");
        assertThat(r.getString("after")).isEqualTo("/alerts");
        noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void aPhoneSizedViewportShowsTheInboxWithoutHorizontalScrolling() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        String id = incident(s);
        JsonObject r = run(s, "phone", new JsonObject().put("token", "test-bernd").put("alertId", id));
        assertThat(r.getInteger("rows")).isEqualTo(1);
        for (String page : List.of("login", "inbox", "detail", "drafts")) {
            JsonObject w = r.getJsonObject(page);
            assertThat(w.getInteger("client")).isEqualTo(390);
            assertThat(w.getInteger("scroll")).as(page + " scroll width").isLessThanOrEqualTo(w.getInteger("client"));
        }
        assertThat(r.getDouble("widest")).isLessThanOrEqualTo(390.0);
        noScriptEvents(r.getJsonObject("events"));
    }

    @Test
    void screenshotsOfEveryPage() throws Exception {
        ConsoleStack s = stack("2016-01-08T06:29:00");
        s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:12:00", "Guten Morgen! Heute ab 9 Uhr "
                + "Sprechstunde der Ministerin in Leipzig.", "Twitter for Android"));
        String post = s.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT, "Twitter for Windows");
        String id = s.awaitAlertId("sms-sachsen", post);
        s.clock.jumpTo(Demo.berlin("2016-01-08T06:52:00"));
        s.sim.mastodon().delete(post);
        await().atMost(Duration.ofSeconds(20)).until(() -> s.daemon.store().versions("sms-sachsen", post).size() > 1);
        Thread.sleep(500);
        JsonObject r = run(s, "screens", new JsonObject().put("token", "test-bernd").put("alertId", id));
        assertThat(r.getJsonArray("taken").getList()).contains("login", "inbox", "alert-detail", "drafts");
        noScriptEvents(r.getJsonObject("events"), "404 /(channels|search|report|check)");
    }
}
