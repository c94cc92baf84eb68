package de.wachposten.console;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.ReasonCode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleEventsTest {
    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void anOpenInboxHearsOfANewAlertOfItsOfficeWithin2SecondsOfTheCommitAndNothingOfOtherOffices()
            throws Exception {
        ConsoleFixture.Browser anna = console.browser();
        anna.signIn("anna");
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder req = HttpRequest.newBuilder(console.uri("/alerts/events")).GET()
                .header("Cookie", Console.COOKIE + "=" + anna.cookies.get(Console.COOKIE));
        CompletableFuture<HttpResponse<Stream<String>>> stream = console.http.sendAsync(req.build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = stream.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> r.body().forEach(lines::add));
        waitFor(lines, ": connected", 5_000);

        console.alert(ConsoleFixture.post("smk-twitter", "other", "Schule", Instant.parse("2016-01-08T05:00:00Z")),
                "smk-presse", ReasonCode.UNAPPROVED);
        Alert mine = console.alert(ConsoleFixture.post("sms-twitter", "new", "Neu <b>fett</b>",
                Instant.parse("2016-01-08T05:31:00Z")), "sms-presse", ReasonCode.UNAPPROVED);
        long committed = System.nanoTime();

        String data = waitFor(lines, "data: ", 2_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed);

        assertThat(ms).isLessThan(2_000);
        assertThat(data).contains("\"id\":\"" + mine.id() + "\"").contains("\"channel\":\"sms-twitter\"")
                .contains("\"severity_label\":\"HOCH\"").contains("nicht freigegeben")
                .contains("Neu <b>fett</b>").doesNotContain("smk-twitter");
        reader.interrupt();
    }

    @Test
    void theEventStreamNeedsASession() throws Exception {
        HttpResponse<String> r = console.http.send(HttpRequest.newBuilder(console.uri("/alerts/events")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
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
