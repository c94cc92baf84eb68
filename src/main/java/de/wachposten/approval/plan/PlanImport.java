package de.wachposten.approval.plan;

import de.wachposten.approval.FourEyes;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a plan file into approvals after checking every row against the config: the channel exists, the drafter
 * holds the drafter role and the approver the approver role for the channel's office, drafter ≠ approver, the text
 * is not blank and at most {@value #MAX_TEXT} characters, the window is ordered. Either every row is valid and all
 * approvals are returned, or a {@link PlanException} lists every error.
 */
public final class PlanImport {
    /** Longest text, in code points (as the API allows). */
    public static final int MAX_TEXT = 10_000;

    private final Config config;
    private final FourEyes fourEyes;
    private final Supplier<String> ids;

    /** @param ids new approval ids */
    public PlanImport(Config config, Supplier<String> ids) {
        this.config = config;
        this.fourEyes = new FourEyes(config);
        this.ids = ids;
    }

    /**
     * Reads {@code content} as CSV or iCalendar (by the file name's ending, or {@code format} {@code csv|ics}).
     *
     * @param approver        approver for rows that name none (CLI {@code --approver}), or null
     * @param forcedApprover  when not null, every row must name this approver or none (the API's caller)
     */
    public List<Approval> read(String file, String format, String content, String approver, String forcedApprover,
                               Instant now) {
        String f = format != null ? format : file.toLowerCase(Locale.ROOT).endsWith(".ics") ? "ics" : "csv";
        List<String> errors = new ArrayList<>();
        List<PlanRow> rows = f.equals("ics") ? IcsPlan.parse(file, content, errors)
                : CsvPlan.parse(file, content, errors);
        List<Approval> out = new ArrayList<>();
        for (PlanRow r : rows) {
            check(file, r, approver, forcedApprover, now, errors).ifPresent(out::add);
        }
        if (rows.isEmpty()) {
            errors.add(file + ":1: the plan has no rows");
        }
        if (!errors.isEmpty()) {
            throw new PlanException(errors);
        }
        return out;
    }

    private Optional<Approval> check(String file, PlanRow r, String approver, String forced, Instant now,
                                     List<String> errors) {
        String at = file + ":" + r.line() + ": ";
        int before = errors.size();
        Optional<ChannelConfig> channel = r.channel() == null ? Optional.empty() : config.channel(r.channel());
        if (channel.isEmpty()) {
            errors.add(at + (r.channel() == null ? "channel missing" : "unknown channel '" + r.channel() + "'"));
        }
        String approvedBy = r.approvedBy() != null ? r.approvedBy() : forced != null ? forced : approver;
        if (forced != null && !forced.equals(approvedBy)) {
            errors.add(at + "approved_by '" + approvedBy + "' is not the caller " + forced
                    + " (an import approves as the caller)");
        }
        if (r.text() == null || r.text().isBlank()) {
            errors.add(at + "text missing");
        } else if (r.text().codePointCount(0, r.text().length()) > MAX_TEXT) {
            errors.add(at + "text longer than " + MAX_TEXT + " characters");
        }
        if (r.notBefore() != null && r.notAfter() != null && !r.notAfter().isAfter(r.notBefore())) {
            errors.add(at + "not_after must be after not_before");
        }
        channel.ifPresent(c -> fourEyes.approval(r.draftedBy(), approvedBy, c.officeId())
                .forEach(v -> errors.add(at + v.line())));
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Approval(ids.get(), r.channel(), r.text(), r.notBefore(), r.notAfter(), r.draftedBy(),
                approvedBy, now, null, null, null));
    }
}
