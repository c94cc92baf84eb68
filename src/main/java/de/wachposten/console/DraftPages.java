package de.wachposten.console;

import de.wachposten.api.ApiException;
import de.wachposten.api.DraftDecisions;
import de.wachposten.api.PlanUpload;
import de.wachposten.approval.plan.PlanException;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Draft;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /drafts}: the queue of the user's offices, a new-draft form for the channels the user drafts for, and
 * approve and reject for approvers. Every decision is {@link DraftDecisions}'s, the API's own; a refusal (four-eyes,
 * missing role, decided already) is shown in the page with the reason the server gives.
 */
record DraftPages(Console console, Config config, DraftDecisions decisions, PlanUpload plans) {
    void list(RoutingContext ctx, Console.Visit v) {
        render(ctx, v, 200, null, "", "", "");
    }

    /**
     * {@code POST /drafts/plan}: an editorial plan, uploaded as a file ({@code file}, CSV or iCalendar by its name)
     * or pasted ({@code plan}, format {@code format}), imported all or nothing as approvals given by the user
     * ({@link PlanUpload}, the API's own import). Refused: the page lists every error as {@code line: message}.
     */
    void importPlan(RoutingContext ctx, Console.Visit v) {
        String pasted = java.util.Objects.requireNonNullElse(ctx.request().getFormAttribute("plan"), "");
        String format = "ics".equals(ctx.request().getFormAttribute("format")) ? "ics" : "csv";
        FileUpload file = ctx.fileUploads().stream().filter(f -> f.size() > 0).findFirst().orElse(null);
        console.blocking(ctx, v, () -> {
            String name = file == null ? "plan." + format : file.fileName();
            String fmt = file == null ? format : name.toLowerCase(java.util.Locale.ROOT).endsWith(".ics") ? "ics"
                    : "csv";
            String content = file == null ? pasted
                    : console.vertx().fileSystem().readFileBlocking(file.uploadedFileName())
                            .toString(java.nio.charset.StandardCharsets.UTF_8);
            try {
                return plans.store(plans.check(v.user(), name, fmt, content));
            } catch (PlanException e) {
                String prefix = name + ":";
                return e.errors().stream().map(m -> m.startsWith(prefix) ? m.substring(prefix.length()) : m)
                        .map(Views::inert).toList();
            }
        }, result -> {
            if (result.isEmpty() || !(result.getFirst() instanceof String)) {
                v.session().flash(v.t().t("plan.imported") + " " + result.size());
                Console.redirect(ctx, "/drafts");
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> errors = (List<String>) result;
            renderPlan(ctx, v, file == null ? pasted : "", errors);
        });
    }

    void submit(RoutingContext ctx, Console.Visit v) {
        String channel = ctx.request().getFormAttribute("channel");
        String text = ctx.request().getFormAttribute("text");
        String notBefore = AlertPages.blankToNull(ctx.request().getFormAttribute("not_before"));
        String notAfter = AlertPages.blankToNull(ctx.request().getFormAttribute("not_after"));
        String keepText = text == null ? "" : text;
        String keepBefore = notBefore == null ? "" : notBefore;
        String keepAfter = notAfter == null ? "" : notAfter;
        Instant from;
        Instant to;
        try {
            from = berlin("not_before", notBefore);
            to = berlin("not_after", notAfter);
        } catch (ApiException e) {
            render(ctx, v, 400, refusal(e), keepText, keepBefore, keepAfter);
            return;
        }
        decide(ctx, v, keepText, keepBefore, keepAfter,
                () -> decisions.submit(v.user(), channel == null ? "" : channel, text, from, to),
                d -> v.t().t("drafts.submitted"));
    }

    void approve(RoutingContext ctx, Console.Visit v) {
        String id = ctx.pathParam("id");
        decide(ctx, v, "", "", "", () -> decisions.approve(v.user(), id), d -> {
            if (d.approval().isEmpty()) {
                return v.t().t("drafts.done.pending");
            }
            return v.t().t("drafts.done.approved") + d.resolvedAlert()
                    .map(a -> " " + v.t().t("drafts.late") + " " + a).orElse("");
        });
    }

    void reject(RoutingContext ctx, Console.Visit v) {
        String id = ctx.pathParam("id");
        String reason = ctx.request().getFormAttribute("reason");
        decide(ctx, v, "", "", "", () -> decisions.reject(v.user(), id, reason),
                d -> v.t().t("drafts.done.rejected"));
    }

    /** Runs a decision; success → back to the queue with a notice, refusal → the queue with the server's reason. */
    private <T> void decide(RoutingContext ctx, Console.Visit v, String text, String notBefore, String notAfter,
                            java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> done) {
        console.blocking(ctx, v, () -> {
            try {
                return work.call();
            } catch (ApiException e) {
                if (e.status() == 404) {
                    throw e;
                }
                return new Refused(e);
            }
        }, result -> {
            if (result instanceof Refused r) {
                render(ctx, v, r.e().status(), refusal(r.e()), text, notBefore, notAfter);
                return;
            }
            @SuppressWarnings("unchecked")
            T ok = (T) result;
            v.session().flash(done.apply(ok));
            Console.redirect(ctx, "/drafts");
        });
    }

    private record Refused(ApiException e) {}

    private static String refusal(ApiException e) {
        return e.getMessage();
    }

    private void render(RoutingContext ctx, Console.Visit v, int status, String refusal, String text,
                        String notBefore, String notAfter) {
        render(ctx, v, status, refusal, text, notBefore, notAfter, "", List.of());
    }

    private void renderPlan(RoutingContext ctx, Console.Visit v, String plan, List<String> errors) {
        render(ctx, v, 400, null, "", "", "", plan, errors);
    }

    private void render(RoutingContext ctx, Console.Visit v, int status, String refusal, String text,
                        String notBefore, String notAfter, String plan, List<String> planErrors) {
        User user = v.user();
        ConsoleText t = v.t();
        console.blocking(ctx, v, () -> decisions.visible(user, null, null), drafts -> {
            List<Views.DraftRow> rows = drafts.stream().map(d -> row(d, user, t)).toList();
            List<Views.Option> channels = config.channels().stream()
                    .filter(c -> user.may(Role.DRAFTER, c.officeId()))
                    .map(c -> new Views.Option(c.id(), c.name() == null ? c.id() : c.id() + " – " + c.name(), false))
                    .toList();
            console.html(ctx, status, "drafts.jte", new Views.Drafts(v.page("drafts.title", "drafts"), rows,
                    channels, text, notBefore, notAfter, refusal == null ? null : Views.inert(refusal),
                    config.offices().stream().anyMatch(o -> user.may(Role.APPROVER, o.id())), plan, planErrors));
        });
    }

    private Views.DraftRow row(Draft d, User user, ConsoleText t) {
        String office = config.channel(d.channelId()).map(ChannelConfig::officeId).orElse(null);
        boolean pending = d.status() == Draft.Status.PENDING;
        String window = d.notBefore() == null && d.notAfter() == null ? t.t("drafts.window.open")
                : (d.notBefore() == null ? "…" : t.time(d.notBefore())) + " – "
                        + (d.notAfter() == null ? "…" : t.time(d.notAfter()));
        String decidedBy = d.rejectedBy() != null ? d.rejectedBy() : String.join(", ", d.approvers());
        return new Views.DraftRow(d.id(), d.channelId(), Views.inert(d.text()), window, d.draftedBy(),
                d.status().wire(), t.t("drafts.status." + d.status().wire()), Views.inert(decidedBy),
                Views.inert(d.reason()), pending && office != null && user.may(Role.APPROVER, office));
    }

    /** A {@code datetime-local} value read as Berlin time; null for none. */
    private static Instant berlin(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(ConsoleText.BERLIN).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "not a date and time (expected 2016-01-08T06:30)");
        }
    }
}
