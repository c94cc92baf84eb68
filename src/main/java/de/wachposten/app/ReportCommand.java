package de.wachposten.app;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.report.ChannelReport;
import de.wachposten.report.ReportBuilder;
import de.wachposten.report.ReportException;
import de.wachposten.report.ReportFormat;
import de.wachposten.report.ReportSpan;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@code report --config FILE --channel ID --from T --to T [--format md|html|json]}: the incident timeline of one
 * channel on standard output. Times are ISO-8601 instants ({@code 2016-01-08T05:30:00Z}), date-times with an offset,
 * or local dates and date-times read in the channel policy's zone ({@code 2016-01-08}, {@code 2016-01-08T06:00}).
 */
final class ReportCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Wiring wiring;

    ReportCommand(PrintStream out, PrintStream err, Wiring wiring) {
        this.out = out;
        this.err = err;
        this.wiring = wiring;
    }

    /** Runs the command on a loaded config; {@code options} maps option name (without dashes) to value. */
    int run(Config config, Map<String, String> options) {
        String channelId = options.get("channel");
        if (channelId == null || options.get("from") == null || options.get("to") == null) {
            err.println("wachposten report: --channel ID, --from T and --to T are required");
            return Cli.USAGE;
        }
        try {
            ReportFormat format = ReportFormat.parse(options.getOrDefault("format", "md"));
            ZoneId zone = config.channels().stream().filter(c -> c.id().equals(channelId)).findFirst()
                    .map(c -> c.policy().timezone()).orElse(ZoneId.of("UTC"));
            Instant from = parseTime("--from", options.get("from"), zone);
            Instant to = parseTime("--to", options.get("to"), zone);
            if (config.channels().stream().map(ChannelConfig::id).noneMatch(channelId::equals)) {
                throw new ReportException("unknown channel '" + channelId + "': the config " + config.source()
                        + " has " + String.join(", ", config.channels().stream().map(ChannelConfig::id).toList()));
            }
            try (Store store = wiring.openExistingStore(config)) {
                ChannelReport report = new ReportBuilder(store, config, wiring.clock()).build(channelId, from, to);
                out.print(format.render(report));
                out.flush();
                return Cli.OK;
            }
        } catch (ReportException | StoreException e) {
            err.println("wachposten report: " + e.getMessage());
            return Cli.FAILED;
        }
    }

    /** Reads an instant, an offset date-time, or a local date-time or date in {@code zone}. */
    static Instant parseTime(String option, String s, ZoneId zone) {
        return ReportSpan.parse(option, s, zone);
    }
}
