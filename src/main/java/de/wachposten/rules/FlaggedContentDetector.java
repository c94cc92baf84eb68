package de.wachposten.rules;

import de.wachposten.config.ContentSettings;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.rules.analysis.AnalysedText;
import de.wachposten.rules.analysis.Markers;
import de.wachposten.rules.classifier.OffensiveModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Raises {@code flagged_content}: one finding per matching rule, with the rule's severity, id, category and the
 * matched words; and, when the channel's policy has the classifier on ({@code content: {classifier: on}}) and the
 * ruleset carries a model, the classifier's verdict on offensive language.
 *
 * <p>A post the classifier scores at or above the policy's threshold is explained by the words that drove the score.
 * When a rule of an offensive category ({@link #OFFENSIVE_CATEGORIES}) matches too, the verdict joins the most severe
 * such rule's finding (detail and matched words of both), so the alert shows one reason with both explanations;
 * otherwise it is a finding of its own, rule {@value #CLASSIFIER_RULE}, category {@value #CLASSIFIER_CATEGORY},
 * severity medium. The ruleset is asked for on every post, so a reload takes effect with the next post.
 *
 * <p>A post is analysed once ({@link AnalysedText}); the rules match its tokens, the classifier scores its features,
 * and only a post the classifier flags is explained, from the features of that score.
 */
public final class FlaggedContentDetector implements Detector {
    /** Rule categories of offensive language: what the classifier's verdict joins. */
    public static final List<String> OFFENSIVE_CATEGORIES =
            List.of("insult", "hate", "dehumanizing", "violence", "extremism", "profanity");
    /** The rule id of a finding the classifier raises alone. */
    public static final String CLASSIFIER_RULE = "classifier-offensive";
    /** The category of a finding the classifier raises alone. */
    public static final String CLASSIFIER_CATEGORY = "offensive";
    /** How many driving words an explanation names at most. */
    static final int MAX_WORDS = 5;

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
        Ruleset rs = ruleset.get();
        AnalysedText text = AnalysedText.of(post.text());
        OffensiveModel.Verdict verdict = classify(rs, text, ctx.channel().policy().content());
        boolean joined = false;
        for (RuleMatch m : rs.match(text)) {
            Rule r = m.rule();
            String detail = ctx.messages().text("content.rule", r.id(), r.title())
                    + (m.terms().isEmpty() ? "" : ": " + String.join(", ", m.terms()));
            List<String> terms = m.terms();
            if (verdict != null && !joined && OFFENSIVE_CATEGORIES.contains(r.category())) {
                detail += "; " + explanation(verdict, ctx.channel().policy().content().threshold(), ctx.messages());
                Set<String> both = new LinkedHashSet<>(terms);
                both.addAll(verdict.words());
                terms = new ArrayList<>(both);
                joined = true;
            }
            out.add(new Finding(ReasonCode.FLAGGED_CONTENT, r.severity(), detail, r.id(), r.category(), terms));
        }
        if (verdict != null && !joined) {
            out.add(new Finding(ReasonCode.FLAGGED_CONTENT, Severity.MEDIUM,
                    explanation(verdict, ctx.channel().policy().content().threshold(), ctx.messages()), CLASSIFIER_RULE,
                    CLASSIFIER_CATEGORY, verdict.words()));
        }
    }

    /** The verdict when the classifier runs for this policy and flags the text, else null. */
    static OffensiveModel.Verdict classify(Ruleset rs, String text, ContentSettings settings) {
        return classify(rs, AnalysedText.of(text), settings);
    }

    /**
     * The verdict when the classifier runs for this policy and flags the analysed text, else null. The text is scored
     * once; only a flagged text is explained, from the features of that score.
     */
    public static OffensiveModel.Verdict classify(Ruleset rs, AnalysedText text, ContentSettings settings) {
        OffensiveModel model = rs.classifier();
        if (model == null || !settings.classifier()) {
            return null;
        }
        OffensiveModel.Score score = model.score(text);
        return flags(score.probability(), text, settings) ? score.explain(MAX_WORDS) : null;
    }

    /**
     * True when the classifier flags {@code text} under {@code settings}: it is on, the ruleset has a model, the
     * probability reaches the threshold, and the text does not distance itself from what it mentions
     * ({@link Markers#distancing}: reports, quotations, condemnations, history education).
     */
    public static boolean flagsByClassifier(Ruleset rs, String text, ContentSettings settings) {
        return flagsByClassifier(rs, AnalysedText.of(text), settings);
    }

    /** {@link #flagsByClassifier(Ruleset, String, ContentSettings)} for an analysed text. */
    public static boolean flagsByClassifier(Ruleset rs, AnalysedText text, ContentSettings settings) {
        OffensiveModel model = rs.classifier();
        return model != null && settings.classifier() && flags(model.probability(text), text, settings);
    }

    private static boolean flags(double probability, AnalysedText text, ContentSettings settings) {
        return probability >= settings.threshold() && !text.distancing();
    }

    /** True when a rule of an offensive category matches {@code text}. */
    public static boolean flagsByRules(Ruleset rs, String text) {
        return flagsByRules(rs, AnalysedText.of(text));
    }

    /** True when a rule of an offensive category matches the analysed text. */
    public static boolean flagsByRules(Ruleset rs, AnalysedText text) {
        return rs.match(text).stream().anyMatch(m -> OFFENSIVE_CATEGORIES.contains(m.rule().category()));
    }

    /**
     * {@code classifier: offensive language, probability 0.93 (threshold 0.70), driven by: a, b}, in the office's
     * language.
     */
    static String explanation(OffensiveModel.Verdict v, double threshold, Messages m) {
        return m.text("content.classifier", String.format(Locale.ROOT, "%.2f", v.probability()),
                String.format(Locale.ROOT, "%.2f", threshold))
                + (v.words().isEmpty() ? "" : ", " + m.text("content.driven", String.join(", ", v.words())));
    }
}
