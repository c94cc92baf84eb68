package de.wachposten.approval;

import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the approval a post's text satisfies: same channel (the caller passes the channel's approvals), text equal
 * after {@link TextNormaliser normalisation}, open (not revoked, not consumed). Pure function; no I/O.
 */
public final class ApprovalMatcher {

    /** The outcome: the approval whose text matches and whose window holds the publication time, if any. */
    public record Match(Optional<Approval> inWindow, Optional<Approval> textOnly) {
        /** True when the text matches an approval but none whose window holds the publication time. */
        public boolean outsideWindow() {
            return inWindow.isEmpty() && textOnly.isPresent();
        }
    }

    private ApprovalMatcher() {}

    /**
     * Matches {@code text} published at {@code publishedAt} against {@code approvals}. Among several matching
     * approvals the oldest is chosen, so repeated texts consume approvals in the order they were given.
     */
    public static Match match(String text, Instant publishedAt, List<Approval> approvals) {
        String norm = TextNormaliser.normalise(text);
        List<Approval> same = approvals.stream()
                .filter(Approval::open)
                .filter(a -> TextNormaliser.normalise(a.text()).equals(norm))
                .sorted(Comparator.comparing(Approval::createdAt).thenComparing(Approval::id))
                .toList();
        Optional<Approval> inWindow = same.stream().filter(a -> a.inWindow(publishedAt)).findFirst();
        return new Match(inWindow, same.stream().findFirst());
    }
}
