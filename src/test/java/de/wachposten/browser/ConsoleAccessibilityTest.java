package de.wachposten.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.demo.Demo;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accessibility of the console in a real headless Chromium (as {@link ConsoleBrowserTest}): an axe-core audit of every
 * page in German and English, at desktop size and on a 390x844 phone, and the keyboard focus order of the inbox.
 * axe-core is the npm package pinned in {@code src/test/browser/package.json}, injected into each page by the
 * Playwright script. Skipped outside CI when Chromium, Node.js or {@code node_modules} are missing.
 */
class ConsoleAccessibilityTest {
    /** The impacts that fail the audit; axe's "moderate" and "minor" are reported only. */
    static final List<String> FAILING = List.of("serious", "critical");

    private ConsoleStack stack;

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

    /** A stack with the demo's morning: an ordinary post, the 06:30 post, deleted at 06:52 (evidence kept). */
    private String morning(String language) {
        stack = new ConsoleStack("2016-01-08T06:10:00", ConsoleStack.Settings.plain().withLanguage(language));
        stack.awaitAlertId("sms-sachsen", stack.publishSms("2016-01-08T06:12:00", "Guten Morgen! Heute ab 9 Uhr "
                + "Sprechstunde der Ministerin in Leipzig.", "Twitter for Android"));
        String post = stack.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT, "Twitter for Windows");
        String id = stack.awaitAlertId("sms-sachsen", post);
        stack.clock.jumpTo(Demo.berlin("2016-01-08T06:52:00"));
        stack.sim.mastodon().delete(post);
        ConsoleStack s = stack;
        await().atMost(Duration.ofSeconds(20)).until(() -> s.daemon.store().versions("sms-sachsen", post).size() > 1);
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de", "en"})
    void noSeriousOrCriticalAxeViolationOnAnyPageAtDesktopAndPhoneSize(String language) throws Exception {
        String id = morning(language);
        JsonObject r;
        try (BrowserKit.Run run = BrowserKit.start("audit", stack.base(), new JsonObject().put("token", "test-bernd")
                .put("alertId", id).put("lang", language).put("query", "Ungeziefer")
                .put("draft", "Heute 11 Uhr: Ministerin eröffnet das neue Pflegeheim in Chemnitz.")
                .put("checkText", "Wir bekämpfen das Ungeziefer. Bilder folgen.")
                .put("shots", Boolean.getBoolean("wachposten.audit.screenshots")))) {
            r = run.result();
        }
        List<String> failing = new ArrayList<>();
        List<String> audited = new ArrayList<>();
        for (Object o : r.getJsonArray("audits")) {
            JsonObject a = (JsonObject) o;
            if (a.getString("page").equals("events")) {
                ConsoleBrowserTest.noScriptEvents(a.getJsonObject("events"));
                continue;
            }
            String where = a.getString("page") + " (" + a.getString("path") + ", " + a.getString("size") + ", lang "
                    + a.getString("lang") + ")";
            audited.add(a.getString("page") + "/" + a.getString("size"));
            System.out.println("[audit " + language + "] " + where + ": axe " + a.getString("axe") + ", "
                    + a.getInteger("passed") + " rules passed, " + a.getJsonArray("violations").size() + " violated");
            assertThat(a.getInteger("passed")).as(where + ": rules axe checked").isGreaterThan(10);
            assertThat(a.getJsonArray("passes").getList()).as(where + ": rules passed").contains("color-contrast",
                    "landmark-one-main", "html-has-lang", "document-title");
            for (Object io : a.getJsonArray("incomplete")) {
                JsonObject inc = (JsonObject) io;
                for (Object no : inc.getJsonArray("nodes")) {
                    JsonObject n = (JsonObject) no;
                    System.out.println("[audit " + language + "] " + where + ": needs review: " + inc.getString("id")
                            + " [" + inc.getString("impact") + "] " + n.getString("target") + " – "
                            + n.getString("summary", "").replace("\n", " "));
                }
            }
            assertThat(a.getString("lang")).as(where).isEqualTo(language);
            if (a.getString("size").equals("phone")) {
                assertThat(a.getInteger("scroll")).as(where + ": no horizontal scrolling; reaching past the edge: "
                                + a.getJsonArray("overflowing").encode())
                        .isLessThanOrEqualTo(a.getInteger("client"));
            }
            for (Object vo : a.getJsonArray("violations")) {
                JsonObject v = (JsonObject) vo;
                for (Object no : v.getJsonArray("nodes")) {
                    JsonObject n = (JsonObject) no;
                    String line = where + ": " + v.getString("id") + " [" + v.getString("impact") + "] "
                            + n.getString("target") + " – " + v.getString("help");
                    System.out.println("[audit " + language + "] " + line);
                    if (FAILING.contains(v.getString("impact"))) {
                        failing.add(line + "\n    " + n.getString("summary", "").replace("\n", "\n    "));
                    }
                }
            }
        }
        assertThat(r.getJsonArray("probe").getList()).as("axe on a page with faults")
                .contains("color-contrast serious", "label critical");
        assertThat(audited).containsExactlyInAnyOrder("login/desktop", "alerts/desktop", "alert/desktop",
                "drafts/desktop", "channels/desktop", "search/desktop", "report/desktop", "check/desktop",
                "login/phone", "alerts/phone", "alert/phone", "drafts/phone", "channels/phone", "search/phone",
                "report/phone", "check/phone");
        assertThat(failing).as("axe-core violations of impact serious or critical").isEmpty();
    }

    @Test
    void tabReachesSkipLinkNavigationFiltersAndTheFirstAlertInVisualOrderWithAVisibleFocus() throws Exception {
        ConsoleStack s = new ConsoleStack("2016-01-08T06:10:00");
        stack = s;
        s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:12:00", "Erster Beitrag.", "Twitter for Windows"));
        String newest = s.awaitAlertId("sms-sachsen", s.publishSms("2016-01-08T06:30:00", Demo.INCIDENT_TEXT,
                "Twitter for Windows"));
        for (boolean phone : new boolean[] {false, true}) {
            JsonObject r;
            try (BrowserKit.Run run = BrowserKit.start("focusOrder", s.base(), new JsonObject()
                    .put("token", "test-bernd").put("phone", phone))) {
                r = run.result();
            }
            String size = phone ? "phone" : "desktop";
            System.out.println("[focusOrder " + size + "] " + r.encodePrettily());
            assertThat(r.getString("first")).isEqualTo(newest);
            List<JsonObject> order = r.getJsonArray("order").stream().map(JsonObject.class::cast).toList();
            List<String> regions = new ArrayList<>();
            for (JsonObject f : order) {
                if (regions.isEmpty() || !regions.getLast().equals(f.getString("region"))) {
                    regions.add(f.getString("region"));
                }
            }
            assertThat(regions).as(size + ": regions in Tab order").startsWith("skip", "nav", "header", "filters",
                    "alert");
            List<String> names = order.stream().map(f -> f.getString("name")).toList();
            assertThat(names).as(size).startsWith("a.skip[href=#main]", "a[href=/alerts]", "a[href=/drafts]",
                    "a[href=/check]", "a[href=/channels]", "a[href=/search]", "a[href=/report]",
                    "button[submit]", "#f-channel", "#f-reason", "#f-status", "button[submit]",
                    "a[href=/alerts/" + newest + "]", "#res-list-" + newest, "button[submit]");
            List<JsonObject> reached = order.subList(0, 15);
            for (int i = 0; i < reached.size(); i++) {
                JsonObject f = reached.get(i);
                boolean outline = !f.getString("outlineStyle").equals("none") && f.getDouble("outlineWidth") > 0;
                boolean shadow = !f.getString("boxShadow").equals("none");
                assertThat(outline || shadow).as(size + ": focus indicator of " + f.getString("name") + " (outline "
                        + f.getString("outline") + ", box-shadow " + f.getString("boxShadow") + ")").isTrue();
                assertThat(f.getDouble("width") * f.getDouble("height")).as(size + ": " + f.getString("name")
                        + " is visible").isPositive();
                if (i > 1) { // the skip link sits over the header while it has the focus
                    JsonObject prev = reached.get(i - 1);
                    boolean below = f.getDouble("top") >= prev.getDouble("bottom") - 2;
                    boolean rightOnTheSameLine = f.getDouble("left") > prev.getDouble("left")
                            && f.getDouble("top") < prev.getDouble("bottom")
                            && f.getDouble("bottom") > prev.getDouble("top");
                    assertThat(below || rightOnTheSameLine).as(size + ": " + f.getString("name") + " ("
                            + f.getDouble("left") + "," + f.getDouble("top") + ") comes after " + prev.getString("name")
                            + " (" + prev.getDouble("left") + "," + prev.getDouble("top") + ") in reading order")
                            .isTrue();
                }
            }
            assertThat(r.getString("skipped")).as("the skip link moves the focus to").isEqualTo("main");
            assertThat(r.getJsonObject("afterSkip").getString("name")).isEqualTo("#f-channel");
            ConsoleBrowserTest.noScriptEvents(r.getJsonObject("events"));
        }
    }
}
