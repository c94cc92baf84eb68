package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.testkit.ExternalProgram;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The files under {@code monitoring/} load into Prometheus and Grafana as shipped. */
class MonitoringFilesTest {
    static final Path DIR = Path.of("monitoring");
    private static final Pattern METRIC = Pattern.compile("\\bwachposten_[a-z_]+");

    /** Runs a Debian {@code prometheus} package tool; returns exit code and output. */
    static String[] run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finishes", List.of(command)).isTrue();
        return new String[] {String.valueOf(p.exitValue()),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    private static String promtool() {
        return ExternalProgram.require("promtool", "apt-get install prometheus").toString();
    }

    @Test
    void promtoolAcceptsTheScrapeConfigWithItsRuleFile() throws Exception {
        String[] r = run(promtool(), "check", "config", DIR.resolve("prometheus.yml").toString());
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        assertThat(r[1]).contains("1 rule files found");
    }

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        String[] r = run(promtool(), "check", "rules", DIR.resolve("alert-rules.yml").toString());
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        assertThat(r[1]).contains("8 rules found");
    }

    @Test
    void amtoolAcceptsTheAlertmanagerExample() throws Exception {
        String[] r = run(ExternalProgram.require("amtool", "apt-get install prometheus-alertmanager").toString(),
                "check-config", DIR.resolve("alertmanager.yml").toString());
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        assertThat(r[1]).contains("SUCCESS").contains("2 receivers");
    }

    @Test
    void theDashboardIsGrafanaJsonWithAQueryInEveryPanel() throws Exception {
        JsonObject d = new JsonObject(Files.readString(DIR.resolve("grafana-dashboard.json")));
        assertThat(d.getString("title")).isEqualTo("Wachposten");
        assertThat(d.getInteger("schemaVersion")).isGreaterThanOrEqualTo(30);
        assertThat(d.getJsonArray("__inputs").getJsonObject(0).getString("pluginId")).isEqualTo("prometheus");
        List<String> titles = new ArrayList<>();
        for (Object o : d.getJsonArray("panels")) {
            JsonObject panel = (JsonObject) o;
            assertThat(panel.getJsonObject("gridPos")).as(panel.getString("title")).isNotNull();
            if (!panel.getString("type").equals("row")) {
                titles.add(panel.getString("title"));
                assertThat(panel.getJsonArray("targets")).as(panel.getString("title")).isNotEmpty();
            }
        }
        assertThat(titles).contains("Seconds since the last successful poll", "Findings over time by reason",
                "Time to alert (publication to delivery)", "Delivery failures by sink", "Poll errors by platform");
    }

    /** Every {@code wachposten_} name used in the dashboard's queries and the alert rules. */
    static Set<String> metricNamesUsed() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonObject d = new JsonObject(Files.readString(DIR.resolve("grafana-dashboard.json")));
        for (Object o : d.getJsonArray("panels")) {
            JsonArray targets = ((JsonObject) o).getJsonArray("targets", new JsonArray());
            targets.forEach(t -> names.addAll(names(((JsonObject) t).getString("expr"))));
        }
        names.addAll(names(Files.readString(DIR.resolve("alert-rules.yml"))));
        return names;
    }

    private static Set<String> names(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
