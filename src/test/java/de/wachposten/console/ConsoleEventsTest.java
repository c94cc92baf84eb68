package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.ReasonCode;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleEventsTest {
    private final ConsoleFixture console = new ConsoleFixture();
    private final List<Thread> readers = new ArrayList<>();

    @AfterEach
    void close() {
        readers.forEach(Thread::interrupt);
        console.close();
    }

    @Test
    void anOpenInboxHearsOfANewAlertOfItsOfficeWithin2SecondsOfTheCommitAndNothingOfOtherOffices()
            throws Exception {
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        LinkedBlockingQueue<String> lines = stream(anna);

        console.alert(ConsoleFixture.post("smk-twitter", "other", "Schule", Instant.parse("2016-01-08T05:00:00Z")),
                "smk-presse", ReasonCode.UNAPPROVED);
        Alert mine = console.alert(ConsoleFixture.post("sms-twitter", "new", "Neu <b>fett</b>",
                Instant.parse("2016-01-08T05:31:00Z")), "sms-presse", ReasonCode.UNAPPROVED);
        long committed = System.nanoTime();

        String data = waitFor(lines, "data: ", 2_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed);

        assertThat(ms).isLessThan(2_000);
        JsonObject event = new JsonObject(data.substring("data: ".length()));
        assertThat(event.getString("id")).isEqualTo(mine.id());
        assertThat(event.getString("channel")).isEqualTo("sms-twitter");
        assertThat(event.getString("severity_label")).isEqualTo("HOCH");
        assertThat(event.getString("reasons")).contains("nicht freigegeben");
        assertThat(data).doesNotContain("smk-twitter").doesNotContain("Schule");
    }

    @Test
    void aLiveRowIsTheRowOfTheInboxWithTheAcknowledgeFormAndTheSessionsCsrfToken() throws Exception {
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        String csrf = ConsoleFixture.csrf(anna.get("/alerts").body());
        LinkedBlockingQueue<String> lines = stream(anna);

        Alert a = console.alert(ConsoleFixture.post("sms-twitter", "x1", "<script>alert(1)</script> \"><img src=x "
                + "onerror=alert(1)> \u202Egnp.exe", Instant.parse("2016-01-08T05:31:00Z")), "sms-presse",
                ReasonCode.UNAPPROVED, ReasonCode.OUTSIDE_HOURS);
        String html = event(lines).getString("html");

        assertThat(html).startsWith("<li class=\"alert sev-high st-open\" data-alert-id=\"" + a.id() + "\">")
                .contains("<form method=\"post\" action=\"/alerts/" + a.id() + "/ack\" class=\"ack\">")
                .contains("<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">")
                .contains("<input type=\"hidden\" name=\"from\" value=\"list\">")
                .contains("<label for=\"res-list-" + a.id() + "\">")
                .contains("<option value=\"incident\"").contains("<option value=\"false_positive\" selected>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("[U+202E]gnp.exe").doesNotContain("<script>").doesNotContain("<img")
                .doesNotContain("\u202E");
        assertThat(anna.get("/alerts").body()).as("the same row as the page renders it").contains(html);
    }

    @Test
    void aRevisionOfAShownAlertComesAsItsNewRowAndAnotherOfficeHearsNothingOfIt() throws Exception {
        Alert a = console.alert(ConsoleFixture.post("sms-twitter", "r1", "Beitrag",
                Instant.parse("2016-01-08T05:31:00Z")), "sms-presse", ReasonCode.UNAPPROVED);
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        ConsoleFixture.Browser carl = console.browser();
        carl.signIn("carl");
        LinkedBlockingQueue<String> annas = stream(anna);
        LinkedBlockingQueue<String> carls = stream(carl);

        anna.submit("/alerts", "/alerts/" + a.id() + "/ack", Map.of("resolution", "incident", "from", "list"));
        JsonObject revision = event(annas);
        Alert theirs = console.alert(ConsoleFixture.post("smk-twitter", "k1", "Schule",
                Instant.parse("2016-01-08T05:40:00Z")), "smk-presse", ReasonCode.UNAPPROVED);

        assertThat(revision.getString("id")).isEqualTo(a.id());
        assertThat(revision.getString("status")).isEqualTo("acknowledged");
        assertThat(revision.getBoolean("open")).isFalse();
        assertThat(revision.getString("html")).contains("data-alert-id=\"" + a.id() + "\"").contains("st-acknowledged")
                .contains("bestätigt").doesNotContain("<form");
        JsonObject carlsFirst = event(carls);
        assertThat(carlsFirst.getString("id")).as("carl hears of his office's alert only").isEqualTo(theirs.id());
        assertThat(carlsFirst.getString("html")).contains("name=\"resolution\"").contains("false positive");
    }

    @Test
    void theEventStreamNeedsASession() throws Exception {
        HttpResponse<String> r = console.http.send(HttpRequest.newBuilder(console.uri("/alerts/events")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
    }

    /** Opens {@code b}'s event stream and waits until it is connected; its lines arrive in the queue. */
    private LinkedBlockingQueue<String> stream(ConsoleFixture.Browser b) throws Exception {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder req = HttpRequest.newBuilder(console.uri("/alerts/events")).GET()
                .header("Cookie", Console.COOKIE + "=" + b.cookies.get(Console.COOKIE))
                .header("Accept-Language", b.acceptLanguage);
        CompletableFuture<HttpResponse<Stream<String>>> stream = console.http.sendAsync(req.build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = stream.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        readers.add(Thread.ofVirtual().start(() -> r.body().forEach(lines::add)));
        waitFor(lines, ": connected", 5_000);
        return lines;
    }

    private static JsonObject event(LinkedBlockingQueue<String> lines) throws InterruptedException {
        return new JsonObject(waitFor(lines, "data: ", 5_000).substring("data: ".length()));
    }

    private static String waitFor(LinkedBlockingQueue<String> lines, String prefix, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within " + millis + " ms");
    }
}
