package de.wachposten.console;

import de.wachposten.api.ChannelBoard;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.Config;
import de.wachposten.store.RotationTask;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code /channels}: the channel board, from the API's {@link ChannelBoard}. Per channel its platform, state
 * (active, dormant, until a date), last successful poll, last error, backoff, access list and credential rotation
 * (last rotation, open tasks, overdue ones); channels with a problem (a failing poll, an error, an open rotation task,
 * not polled) first.
 */
record ChannelPages(Console console, Config config, Clock clock, ChannelBoard board) {
    void board(RoutingContext ctx, Console.Visit v) {
        ConsoleText t = v.t();
        console.blocking(ctx, v, () -> board.entries(v.user()), entries -> {
            Instant now = clock.instant();
            List<Views.ChannelRow> rows = entries.stream().map(e -> row(e, t, now))
                    .sorted(Comparator.comparing((Views.ChannelRow r) -> !r.problem())).toList();
            console.html(ctx, 200, "channels.jte", new Views.Channels(v.page("channels.title", "channels"), rows));
        });
    }

    private Views.ChannelRow row(ChannelBoard.Entry e, ConsoleText t, Instant now) {
        ChannelConfig ch = e.channel();
        Map<?, ?> health = e.health() instanceof Map<?, ?> m ? m : Map.of();
        Object failures = health.get("consecutive_failures");
        int failed = failures instanceof Number n ? n.intValue() : 0;
        String error = e.state().lastError() != null ? e.state().lastError()
                : health.get("last_error") == null ? null : String.valueOf(health.get("last_error"));
        boolean notPolled = "not_polled".equals(health.get("state"));
        boolean unleased = "unleased".equals(health.get("state"));
        String instance = health.get("instance") == null ? (unleased ? t.t("channels.no_instance") : "–")
                : Views.inert(String.valueOf(health.get("instance")));
        String backoff = failed > 0 ? t.t("channels.failures") + " " + failed
                + (health.get("next_poll_at") == null ? "" : ", " + t.t("channels.next_poll") + " "
                        + t.time(Instant.parse(String.valueOf(health.get("next_poll_at")))))
                : notPolled ? t.t("channels.not_polled") : t.t("channels.no_backoff");
        Duration within = config.offboarding() == null ? null : config.offboarding().rotateWithin();
        List<Views.Task> tasks = e.openTasks().stream()
                .map(task -> new Views.Task(Views.inert(task.userId()), t.time(task.openedAt()), overdue(task, within,
                        now)))
                .toList();
        ChannelStatus status = ch.policy().status();
        String state = switch (status.kind()) {
            case ACTIVE -> t.t("channels.active");
            case DORMANT -> t.t("channels.dormant");
            case UNTIL -> t.t("channels.until") + " " + status.until();
        };
        boolean problem = failed > 0 || error != null || notPolled || unleased || !tasks.isEmpty();
        return new Views.ChannelRow(ch.id(), Views.inert(ch.name() == null ? ch.id() : ch.name()), ch.platform(),
                Views.inert(ch.account()), ch.officeId(), state, t.time(e.state().lastSuccessAt()),
                t.time(e.state().lastPollAt()), error == null ? null : Views.inert(error), backoff,
                ch.access().stream().map(Views::inert).toList(), t.time(e.rotatedAt()), tasks, problem, instance);
    }

    private static boolean overdue(RotationTask task, Duration within, Instant now) {
        return within != null && task.openedAt().plus(within).isBefore(now);
    }
}
