package de.wachposten.demo;

import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The scripted morning of Friday 8 January 2016. Real publication times, compressed replay: one step every few
 * seconds, each narrated on the terminal before the daemon reacts to it.
 */
final class DemoScript {
    private final MastodonSimulator sim;
    private final PrintStream out;
    private final AlertPrinter printer;
    private SimAccount sms;
    private SimAccount smi;
    private SimAccount police;
    private final ReplayClock clock;
    private String incidentId;

    DemoScript(MastodonSimulator sim, PrintStream out, AlertPrinter printer, ReplayClock clock) {
        this.sim = sim;
        this.out = out;
        this.printer = printer;
        this.clock = clock;
    }

    /** The channels' earlier posts: archived at the first poll, not alerted ({@code history: ignore}). */
    void history() {
        sms = sim.account("SMS_Sachsen", "Sozialministerium Sachsen");
        smi = sim.account("SMItweets", "Sprecher SMI");
        police = sim.account("polizeisachsen", "Polizei Sachsen");
        sim.publish(sms, "Die Ministerin besucht morgen die Tafel in Leipzig.", Demo.berlin("2016-01-07T14:05:00"), "Hootsuite");
        sim.publish(smi, "Dieser Kanal wird derzeit nicht betreut.", Demo.berlin("2015-06-30T12:00:00"), "TweetDeck");
        sim.publish(police, "Verkehrsunfall auf der A4 bei Wilsdruff, bitte umfahren.", Demo.berlin("2016-01-07T22:40:00"), "TweetDeck");
    }

    void morning(Demo.Api api) throws Exception {
        pause(3);
        step("2016-01-07T16:20:00", "Anna drafts the 10:00 post and tries to approve it herself:");
        HttpResponse<String> own = api.post("/api/v1/approvals", "demo-anna", approval("anna"));
        out.println("           -> HTTP " + own.statusCode() + " " + detail(own.body()));
        step("2016-01-07T16:22:00", "Bernd tries to approve a text he drafted himself:");
        HttpResponse<String> self = api.post("/api/v1/approvals", "demo-bernd", approval("bernd"));
        out.println("           -> HTTP " + self.statusCode() + " " + detail(self.body()));
        step("2016-01-07T16:25:00", "Bernd, the spokesperson, approves Anna's draft for Friday 09:00-11:00:");
        HttpResponse<String> ok = api.post("/api/v1/approvals", "demo-bernd", approval("anna"));
        out.println("           -> HTTP " + ok.statusCode() + " approval " + new JsonObject(ok.body()).getString("id"));
        pause(2);
        step("2016-01-08T06:30:00", "@SMS_Sachsen posts from a private PC, without approval:");
        incidentId = sim.publish(sms, Demo.INCIDENT_TEXT, Demo.berlin("2016-01-08T06:30:00"), "Twitter for Windows");
        pause(5);
        step("2016-01-08T06:52:00", "The ministry deletes the post:");
        sim.delete(incidentId);
        pause(5);
        step("2016-01-08T08:15:00", "The police post as usual (no approval rule there):");
        sim.publish(police, "Guten Morgen! Heute Kontrollen zur Verkehrssicherheit in Dresden.", Demo.berlin("2016-01-08T08:15:00"), "TweetDeck");
        pause(3);
        step("2016-01-08T10:00:00", "@SMS_Sachsen posts Anna's approved text:");
        sim.publish(sms, Demo.APPROVED_TEXT, Demo.berlin("2016-01-08T10:00:00"), "Hootsuite");
        pause(3);
        step("2016-01-08T11:15:00", "A post appears on the dormant @SMItweets:");
        sim.publish(smi, "Test", Demo.berlin("2016-01-08T11:15:00"), "Twitter for Android");
        pause(3);
    }

    /** Waits until the incident alert (with its deletion) and the dormant-channel alert have arrived. */
    boolean awaitAlerts(DemoReceiver receiver, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean incident = receiver.received().stream().anyMatch(r -> r.body().getString("channel").equals("sms-sachsen")
                    && r.body().encode().contains("\"deleted\""));
            boolean dormant = receiver.received().stream().anyMatch(r -> r.body().getString("channel").equals("smi-sprecher"));
            if (incident && dormant) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private JsonObject approval(String draftedBy) {
        return new JsonObject().put("channel", "sms-sachsen").put("text", Demo.APPROVED_TEXT)
                .put("not_before", Demo.berlin("2016-01-08T09:00:00").toString())
                .put("not_after", Demo.berlin("2016-01-08T11:00:00").toString())
                .put("drafted_by", draftedBy);
    }

    private void step(String localTime, String what) {
        Instant t = Demo.berlin(localTime);
        clock.jumpTo(t);
        out.println("[" + printer.local(t.toString()) + "] " + what);
        out.flush();
    }

    private static String detail(String problemJson) {
        try {
            return new JsonObject(problemJson).getString("detail");
        } catch (RuntimeException e) {
            return problemJson;
        }
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
