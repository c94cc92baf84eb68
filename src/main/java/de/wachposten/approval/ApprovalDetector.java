package de.wachposten.approval;

import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.PostDetector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Raises {@code unapproved} when the channel requires approval and no open approval of the channel matches the post's
 * text, and {@code outside_approval_window} when the text is approved but not for the time it appeared. A matching
 * approval is consumed. Only published posts are checked; edits are reported by {@link de.wachposten.detect.EditDetector}.
 */
public final class ApprovalDetector extends PostDetector {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE dd.MM.yyyy HH:mm", Locale.ENGLISH);
    /** Longest word diff put into a finding's detail, in characters. */
    static final int MAX_DIFF = 400;

    private final ApprovalMatcher matcher = new ApprovalMatcher();

    public ApprovalDetector() {
        super("approval");
    }

    @Override
    protected void check(Post post, DetectionContext ctx, Findings out) {
        Policy policy = ctx.channel().policy();
        if (!policy.approvalRequired()) {
            return;
        }
        ApprovalMatcher.Match m = matcher.match(post.text(), post.links(), post.publishedAt(), ctx.openApprovals(),
                policy.similarity());
        if (m.inWindow().isPresent()) {
            out.consume(m.inWindow().get().id());
            return;
        }
        if (m.outsideWindow()) {
            Approval a = m.textOnly().get();
            out.add(Finding.of(ReasonCode.OUTSIDE_APPROVAL_WINDOW, ReasonCode.OUTSIDE_APPROVAL_WINDOW.defaultSeverity(),
                    ctx.messages().text("approval.window", a.id(), window(a, policy.timezone(), ctx.messages()),
                            WHEN.format(post.publishedAt().atZone(policy.timezone())))));
            return;
        }
        out.add(Finding.of(ReasonCode.UNAPPROVED, ReasonCode.UNAPPROVED.defaultSeverity(),
                unapproved(m, ctx.openApprovals().size(), ctx.messages())));
    }

    /**
     * {@code no approval matches (best similarity 0.12)}; for a near miss (similarity 0.5 or more) also the nearest
     * approval, why it does not match and the word diff.
     */
    static String unapproved(ApprovalMatcher.Match m, int open) {
        return unapproved(m, open, Messages.of("en"));
    }

    /** The same in the office's language. */
    static String unapproved(ApprovalMatcher.Match m, int open, Messages messages) {
        String head = messages.text("approval.none", m.similarity());
        if (open == 0) {
            return head + messages.text("approval.no_open");
        }
        if (m.similarity() < 0.5 || m.nearest().isEmpty()) {
            return head + ")";
        }
        String diff = m.diff().length() > MAX_DIFF ? m.diff().substring(0, MAX_DIFF) + "…" : m.diff();
        return head + messages.text("approval.nearest", m.nearest().get().id(), m.why(), diff);
    }

    private static String window(Approval a, ZoneId zone, Messages messages) {
        return bound(a.notBefore(), zone, messages.text("approval.any_time")) + " – "
                + bound(a.notAfter(), zone, messages.text("approval.open_end"));
    }

    private static String bound(Instant t, ZoneId zone, String none) {
        return t == null ? none : WHEN.format(t.atZone(zone));
    }
}
