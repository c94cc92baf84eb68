package de.wachposten.config;

/**
 * How a channel's posts are checked for offensive language besides the rules, policy key
 * {@code content: {classifier: on|off, threshold: 0.0–1.0}}.
 *
 * @param classifier true when the trained classifier runs ({@code classifier: on}, the default)
 * @param threshold  the classifier's probability of {@code OFFENSE} from which a post is flagged; default
 *                   {@link #DEFAULT_THRESHOLD}, chosen by 10-fold cross-validation on the training data for a
 *                   precision of at least 0.80 (see the README, "Writing rules")
 */
public record ContentSettings(boolean classifier, double threshold) {

    /** The default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.65;

    /** Classifier on at the default threshold. */
    public static final ContentSettings DEFAULTS = new ContentSettings(true, DEFAULT_THRESHOLD);

    public ContentSettings {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie between 0 and 1, not " + threshold);
        }
    }
}
