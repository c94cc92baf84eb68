package de.wachposten.rules;

import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.util.function.Supplier;

/**
 * Raises {@code flagged_content}: one finding per matching rule, with the rule's severity, id, category and the
 * matched words. The ruleset is asked for on every post, so a reload takes effect with the next post.
 */
public final class FlaggedContentDetector implements Detector {
    private final Supplier<Ruleset> ruleset;

    /** A detector that matches against whatever {@code ruleset} supplies at the time (e.g. {@link LiveRules#current}). */
    public FlaggedContentDetector(Supplier<Ruleset> ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public String name() {
        return "flagged_content";
    }

    /** Published posts and edits: an edit can bring flagged content into a post that had none. */
    @Override
    public boolean handles(Event.Kind kind) {
        return kind.content();
    }

    @Override
    public void detect(Event event, DetectionContext ctx, Findings out) {
        Post post = event.post();
        for (RuleMatch m : ruleset.get().match(post.text())) {
            Rule r = m.rule();
            String detail = "matches rule " + r.id() + " (" + r.title() + ")"
                    + (m.terms().isEmpty() ? "" : ": " + String.join(", ", m.terms()));
            out.add(new Finding(ReasonCode.FLAGGED_CONTENT, r.severity(), detail, r.id(), r.category(), m.terms()));
        }
    }
}
