package de.wachposten.rules.classifier;

import de.wachposten.config.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code train} trains on: the GermEval 2018 file and the lexicon below a data directory, plus the labelled
 * examples file. The model's description names the inputs by SHA-256, the settings and the seed.
 *
 * @param data     GermEval tweets
 * @param examples the project's own labelled examples
 * @param lexicon  lexicon words
 * @param sources  one line per input file: name, count, SHA-256
 */
public record Training(List<Labelled> data, List<Labelled> examples, List<String> lexicon, List<String> sources) {

    /** Reads the inputs; malformed example lines go to {@code errors}. */
    public static Training read(Path dataDir, Path examplesFile, List<ConfigError> errors) {
        Path germEval = dataDir.resolve(Corpus.GERMEVAL);
        Path lexiconFile = dataDir.resolve(Corpus.LEXICON);
        List<Labelled> data = Corpus.germEval(germEval);
        List<String> lexicon = Corpus.words(lexiconFile);
        List<Labelled> examples = Files.isRegularFile(examplesFile) ? Corpus.examples(examplesFile, errors) : List.of();
        List<String> sources = new ArrayList<>();
        sources.add(Corpus.GERMEVAL + " " + data.size() + " sha256:" + sha256(germEval));
        sources.add(Corpus.LEXICON + " " + lexicon.size() + " sha256:" + sha256(lexiconFile));
        if (Files.isRegularFile(examplesFile)) {
            sources.add(ClassifierFiles.EXAMPLES + " " + examples.size() + " sha256:" + sha256(examplesFile));
        }
        return new Training(data, examples, lexicon, sources);
    }

    /** GermEval tweets followed by the examples. */
    public List<Labelled> all() {
        List<Labelled> all = new ArrayList<>(data);
        all.addAll(examples);
        return all;
    }

    /** Trains the model. */
    public OffensiveModel train(Trainer.Settings s) {
        String description = "L2 logistic regression (liblinear L2R_LR, C=" + s.c() + "), " + s.bits()
                + "-bit hashed features, Platt scaling on " + s.folds() + "-fold cross-validation, seed " + s.seed()
                + "; trained on " + String.join("; ", sources);
        return Trainer.train(all(), lexicon, s, description);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
