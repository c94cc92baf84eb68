package de.wachposten.rules.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model: reproducible from the shipped data, readable, explainable. */
class OffensiveModelTest {
    private static final Path RULES = Path.of("rules");
    private static OffensiveModel shipped;
    /** The index of the character bigram "hu" in a 20-bit space: changing the hash invalidates every model. */
    private static final int PINNED_HU = 464112;

    @BeforeAll
    static void load() throws IOException {
        shipped = OffensiveModel.read(RULES.resolve(ClassifierFiles.MODEL));
    }

    @Test
    void theShippedModelIsTrainedAgainBitForBitFromTheShippedDataAndSeed() throws IOException {
        List<de.wachposten.config.ConfigError> errors = new ArrayList<>();
        Training t = Training.read(Path.of("training"), RULES.resolve(ClassifierFiles.EXAMPLES), errors);
        assertThat(errors).isEmpty();
        byte[] fresh = t.train(Trainer.Settings.DEFAULTS).bytes();
        assertThat(fresh).as("retrain with: wachposten train --data training --out rules/classifier/model-v1.bin")
                .isEqualTo(Files.readAllBytes(RULES.resolve(ClassifierFiles.MODEL)));
    }

    @Test
    void twoTrainingsWithTheSameSeedGiveTheSameBytesAndAnotherSeedOnlyOtherCalibration() {
        List<Labelled> data = Corpus.germEval(Path.of("training", Corpus.GERMEVAL)).subList(0, 800);
        List<String> lex = Corpus.words(Path.of("training", Corpus.LEXICON));
        Trainer.Settings s = new Trainer.Settings(16, 8, 5, 7);
        byte[] a = Trainer.train(data, lex, s, "subset").bytes();
        byte[] b = Trainer.train(data, lex, s, "subset").bytes();
        assertThat(a).isEqualTo(b);
        assertThat(Trainer.train(data, lex, s.withSeed(8), "subset").bytes()).isNotEqualTo(a).hasSameSizeAs(a);
    }

    @Test
    void aWrittenModelReadsBackToTheSameBytesAndScores() throws IOException {
        OffensiveModel again = OffensiveModel.read(new ByteArrayInputStream(shipped.bytes()));
        assertThat(again.bytes()).isEqualTo(shipped.bytes());
        String text = "Halt die Fresse, du dummer Vollidiot";
        assertThat(again.probability(text)).isEqualTo(shipped.probability(text));
        assertThat(shipped.description()).contains("seed 1", "sha256:0f88c63a");
    }

    @Test
    void aFileThatIsNoModelOrIsCutShortIsRejectedWithAReason() {
        assertThatThrownBy(() -> OffensiveModel.read(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a classifier model file");
        byte[] b = shipped.bytes();
        byte[] cut = java.util.Arrays.copyOf(b, b.length / 2);
        assertThatThrownBy(() -> OffensiveModel.read(new ByteArrayInputStream(cut))).isInstanceOf(IOException.class);
    }

    @Test
    void anInsultScoresHighAndIsExplainedByItsWordsAndANeutralPostScoresLow() {
        OffensiveModel.Verdict v = shipped.explain("Was für ein widerlicher Drecksack, dieser Typ. Halt dein Maul!", 3);
        assertThat(v.probability()).isGreaterThan(0.8);
        assertThat(v.words()).hasSizeLessThanOrEqualTo(3).containsAnyOf("Drecksack", "Maul", "widerlicher");
        assertThat(shipped.probability("Das Bürgerbüro ist am Montag wegen einer Schulung geschlossen.")).isLessThan(0.2);
    }

    @Test
    void featureHashesAreAFunctionOfTheTextAlone() {
        Features f = new Features(20, List.of());
        assertThat(f.hash('c', " hund ", 0, 4)).isEqualTo(new Features(20, List.of("x")).hash('c', " hund ", 0, 4));
        assertThat(f.hash('c', "hu", 0, 2)).isEqualTo(f.hash('c', "xhu", 1, 3)).isEqualTo(PINNED_HU);
    }
}
