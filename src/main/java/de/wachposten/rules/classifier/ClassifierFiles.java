package de.wachposten.rules.classifier;

import de.wachposten.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the classifier lives in a rules directory: the model {@value #MODEL} and the project's own labelled examples
 * {@value #EXAMPLES}, which {@code train} adds to the GermEval data.
 */
public final class ClassifierFiles {
    /** The model file, relative to the rules directory. */
    public static final String MODEL = "classifier/model-v1.bin";
    /** The labelled examples, relative to the rules directory. */
    public static final String EXAMPLES = "classifier/examples.tsv";

    private ClassifierFiles() {
    }

    /** True for the files whose change reloads the rules directory: the model. */
    public static boolean isModelFile(Path p) {
        Path parent = p.getParent();
        return p.getFileName().toString().endsWith(".bin") && parent != null
                && parent.getFileName().toString().equals("classifier");
    }

    /**
     * The model of {@code rulesDir}, or null when there is none (then no post is classified) or it cannot be read
     * (then {@code errors} gets {@code file:1: message}).
     */
    public static OffensiveModel load(Path rulesDir, List<ConfigError> errors) {
        Path file = rulesDir.resolve(MODEL);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return OffensiveModel.read(file);
        } catch (IOException | RuntimeException e) {
            errors.add(new ConfigError(file, 1, "cannot load the classifier model: " + e.getMessage()));
            return null;
        }
    }

    /**
     * What the model says about the labelled examples of {@code rulesDir}.
     *
     * @param examples      examples read
     * @param disagreements one {@code file:line: message} per example the model labels otherwise at the threshold
     * @param errors        malformed lines
     */
    public record ExampleReport(int examples, List<ConfigError> disagreements, List<ConfigError> errors) {
    }

    /** Runs {@code model} over the examples file at {@code threshold}; an absent file gives an empty report. */
    public static ExampleReport check(Path rulesDir, OffensiveModel model, double threshold) {
        Path file = rulesDir.resolve(EXAMPLES);
        List<ConfigError> errors = new ArrayList<>();
        List<ConfigError> disagree = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new ExampleReport(0, disagree, errors);
        }
        List<Corpus.Line> lines = Corpus.exampleLines(file, errors);
        for (Corpus.Line l : lines) {
            double p = model.probability(l.example().text());
            if ((p >= threshold) != l.example().offensive()) {
                disagree.add(new ConfigError(file, l.line(), String.format(Locale.ROOT,
                        "classifier says %s (probability %.2f, threshold %.2f), labelled %s",
                        p >= threshold ? "OFFENSE" : "OTHER", p, threshold,
                        l.example().offensive() ? "OFFENSE" : "OTHER")));
            }
        }
        return new ExampleReport(lines.size(), disagree, errors);
    }
}
