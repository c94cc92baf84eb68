package de.wachposten.rules;

import de.wachposten.config.ContentSettings;
import de.wachposten.rules.analysis.Markers;
import de.wachposten.rules.classifier.OffensiveModel;
import java.util.List;
import java.util.Locale;

/**
 * What the offensive-language classifier says about a text under a channel's content settings, as the places that
 * try rules without alerting show it ({@code check --text}, {@code rehunt}, the console's {@code /check}): the
 * probability, the threshold in force, whether the verdict would raise {@code flagged_content}, and the words that
 * drove the score. {@link #flags} agrees with {@link FlaggedContentDetector#flagsByClassifier}.
 *
 * @param probability the calibrated probability of offensive language
 * @param threshold   the policy's threshold ({@code content.threshold})
 * @param on          the policy has the classifier on ({@code content.classifier})
 * @param distancing  the text reports, quotes or condemns what it mentions ({@link Markers#distancing}): the
 *                    classifier stays silent on it
 * @param words       the words that pushed the score up most, strongest first (also when the score stays below the
 *                    threshold)
 */
public record ClassifierVerdict(double probability, double threshold, boolean on, boolean distancing,
                                List<String> words) {
    public ClassifierVerdict {
        words = List.copyOf(words);
    }

    /** The verdict on {@code text} under {@code settings}, or null when {@code rs} carries no model. */
    public static ClassifierVerdict of(Ruleset rs, String text, ContentSettings settings) {
        OffensiveModel model = rs.classifier();
        if (model == null) {
            return null;
        }
        OffensiveModel.Verdict v = model.explain(text, FlaggedContentDetector.MAX_WORDS);
        return new ClassifierVerdict(v.probability(), settings.threshold(), settings.classifier(),
                Markers.distancing(text), v.words());
    }

    /** True when the verdict raises {@code flagged_content}: on, not distancing, probability at or above threshold. */
    public boolean flags() {
        return on && !distancing && probability >= threshold;
    }

    /** The probability with two decimals. */
    public String probabilityText() {
        return String.format(Locale.ROOT, "%.2f", probability);
    }

    /** The threshold with two decimals. */
    public String thresholdText() {
        return String.format(Locale.ROOT, "%.2f", threshold);
    }

    /**
     * One line for the command line, e.g. {@code classifier: probability 0.93, threshold 0.65: raises flagged_content
     * (offensive); driven by: Ungeziefer, Leute}. Silent verdicts say why: below the threshold, off for the policy, or
     * a distancing text.
     */
    public String summary() {
        String why = flags() ? "raises flagged_content (offensive)"
                : !on ? "silent: the classifier is off for this policy"
                : distancing ? "silent: the text reports, quotes or condemns what it mentions"
                : "silent: below the threshold";
        return "classifier: probability " + probabilityText() + ", threshold " + thresholdText() + ": " + why
                + (words.isEmpty() ? "" : "; driven by: " + String.join(", ", words));
    }
}
