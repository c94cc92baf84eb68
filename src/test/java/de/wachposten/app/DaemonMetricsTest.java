package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonMetricsTest {

    /** Series no event can have touched right after start (no post published): they must read 0. */
    static final List<String> ZERO_AT_START = List.of(
            "wachposten_posts_ingested_total{platform=\"mastodon\"}",
            "wachposten_findings_total{reason=\"unapproved\"}",
            "wachposten_findings_total{reason=\"deleted\"}",
            "wachposten_alerts_total{severity=\"critical\"}",
            "wachposten_alerts_open{severity=\"critical\"}",
            "wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"}",
            "wachposten_alert_deliveries_total{result=\"dead\",sink=\"webhook\"}",
            "wachposten_dead_letters_total{sink=\"webhook\"}",
            "wachposten_outbox_backlog",
            "wachposten_time_to_alert_seconds_count{sink=\"webhook\"}",
            "wachposten_rules_reload_total{result=\"ok\"}",
            "wachposten_rules_reload_total{result=\"failed\"}",
            "wachposten_channels{state=\"not_polled\"}",
            "wachposten_console_sign_ins_refused_total{method=\"token\",reason=\"invalid\"}",
            "wachposten_console_sign_ins_refused_total{method=\"token\",reason=\"rate_limited\"}",
            "wachposten_console_sign_ins_refused_total{method=\"oidc\",reason=\"rate_limited\"}");

    /** Series whose value depends on how far the first polls got: they must exist. */
    static final List<String> PRESENT_AT_START = List.of(
            "wachposten_polls_total{platform=\"mastodon\",result=\"ok\"}",
            "wachposten_polls_total{platform=\"mastodon\",result=\"server_error\"}",
            "wachposten_channel_last_success_timestamp_seconds{channel=\"sms-sachsen\"}",
            "wachposten_channel_last_success_timestamp_seconds{channel=\"polizei-sachsen\"}",
            "wachposten_channels{state=\"ok\"}",
            "wachposten_channels{state=\"failing\"}",
            "wachposten_time_to_alert_seconds_bucket{sink=\"webhook\",le=\"+Inf\"}",
            "wachposten_job_runs_total{job=\"open-alerts\",result=\"success\"}",
            "wachposten_job_runs_total{job=\"open-alerts\",result=\"failure\"}",
            "wachposten_job_runs_total{job=\"credentials-overdue\",result=\"success\"}",
            "wachposten_job_duration_seconds_count{job=\"credentials-overdue\"}",
            "wachposten_job_last_success_timestamp_seconds{job=\"open-alerts\"}");

    static String scrape(String api) throws Exception {
        // HTTP/1.1 as Prometheus scrapes, and a deadline: a scrape that is never answered fails the test, not the run
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/metrics"))
                .timeout(java.time.Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everySeriesOfTheProductSpecificationAndOfTheDashboardsExistsRightAfterStartUp(@TempDir Path dir) throws Exception {
        try (DaemonFixture f = DaemonFixture.prepare(dir, Clock.systemUTC())) {
            f.startDaemon(Clock.systemUTC());
            String text = scrape(f.api());
            List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
            for (String series : ZERO_AT_START) {
                assertThat(lines).as(series).anyMatch(l -> l.startsWith(series + " ")
                        && Double.parseDouble(l.substring(series.length() + 1)) == 0);
            }
            for (String series : PRESENT_AT_START) {
                assertThat(lines).as(series).anyMatch(l -> l.startsWith(series + " "));
            }
            for (String name : MonitoringFilesTest.metricNamesUsed()) {
                assertThat(lines).as("%s (used by monitoring/)", name).anyMatch(l -> l.startsWith(name + "{")
                        || l.startsWith(name + " "));
            }
            assertThat(lines).filteredOn(l -> l.startsWith("wachposten_") && l.contains("channel=\""))
                    .as("per-channel series are limited to the channel gauge").allMatch(l -> l.startsWith(
                            "wachposten_channel_last_success_timestamp_seconds"));
        }
    }
}
