package de.wachposten.rules.classifier;

import de.wachposten.rules.analysis.AnalysedText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained linear classifier of German offensive language: logistic regression on {@link Features}, its decision
 * value {@code z = w·x + bias} turned into a probability by Platt scaling, {@code p = 1 / (1 + exp(a·z + b))}, with
 * {@code a} and {@code b} fitted on cross-validated decision values of the training data. Immutable, thread-safe.
 *
 * <p>File format (version {@value #VERSION}, big-endian, see {@link #write}): the magic string, the version, a
 * description of what it was trained on (no time stamp, so the same data and seed give the same bytes), the feature
 * settings and lexicon, bias and Platt parameters, then the non-zero weights as (gap to the previous index as a
 * variable-length integer, 32-bit float).
 */
public final class OffensiveModel {
    static final String MAGIC = "wachposten-offensive-classifier";
    static final int VERSION = 1;
    /** Shorter words (du, ein, der) are not named as drivers: they carry weight only together with their neighbours. */
    private static final int MIN_DRIVER = 4;

    private final Features features;
    private final float[] weights;
    private final double bias;
    private final double plattA;
    private final double plattB;
    private final String description;

    OffensiveModel(Features features, float[] weights, double bias, double plattA, double plattB, String description) {
        if (weights.length != features.dimension()) {
            throw new IllegalArgumentException("weights do not fit the feature space");
        }
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.plattA = plattA;
        this.plattB = plattB;
        this.description = description;
    }

    /** What the model was trained on, as written by the trainer. */
    public String description() {
        return description;
    }

    /** Non-zero weights. */
    public int size() {
        int n = 0;
        for (float w : weights) {
            if (w != 0) {
                n++;
            }
        }
        return n;
    }

    /** The probability that {@code text} is offensive. */
    public double probability(String text) {
        return probability(decision(features.extract(text, false)));
    }

    /** The probability that the analysed text is offensive. */
    public double probability(AnalysedText text) {
        return probability(decision(features.extract(text, false)));
    }

    double decision(Features.Vector v) {
        double z = bias;
        for (int i = 0; i < v.index().length; i++) {
            z += weights[v.index()[i]] * v.value()[i];
        }
        return z;
    }

    double probability(double z) {
        return Platt.probability(plattA, plattB, z);
    }

    /**
     * A word that pushed the score up.
     *
     * @param word   the word as it stands in the (deobfuscated) text
     * @param weight its share of the decision value
     */
    public record Driver(String word, double weight) {
    }

    /**
     * The classifier's verdict on a text.
     *
     * @param probability the calibrated probability of {@code OFFENSE}
     * @param drivers     the words that pushed the score up most, strongest first
     */
    public record Verdict(double probability, List<Driver> drivers) {
        public Verdict {
            drivers = List.copyOf(drivers);
        }

        /** The driving words alone. */
        public List<String> words() {
            return drivers.stream().map(Driver::word).toList();
        }
    }

    /**
     * The score of the analysed text, which keeps where its features came from: {@link Score#explain} names the
     * driving words without extracting the features again.
     */
    public Score score(AnalysedText text) {
        Features.Vector v = features.extract(text, true);
        return new Score(v, probability(decision(v)));
    }

    /** A text's probability and the features behind it. */
    public final class Score {
        private final Features.Vector vector;
        private final double probability;

        private Score(Features.Vector vector, double probability) {
            this.vector = vector;
            this.probability = probability;
        }

        /** The calibrated probability of {@code OFFENSE}. */
        public double probability() {
            return probability;
        }

        /** The verdict with the up to {@code maxWords} driving words, as {@link OffensiveModel#explain} finds them. */
        public Verdict explain(int maxWords) {
            return new Verdict(probability, drivers(vector, maxWords));
        }
    }

    /**
     * The probability and the up to {@code maxWords} words with the largest positive share of the decision value (words of
     * at least four characters with a letter among them: a number, such as a group of an IBAN, never explains a
     * score and never travels into an alert). A
     * feature's contribution {@code w_i·x_i} is split over its occurrences, and each occurrence's part goes to the
     * word it was taken from (a bigram's half to each word).
     */
    public Verdict explain(String text, int maxWords) {
        return score(AnalysedText.of(text)).explain(maxWords);
    }

    /**
     * The drivers: every occurrence of feature {@code i} (a character n-gram in a word, a stem, each half of a
     * bigram) carries {@code w_i·x_i·share / occurrences(i)} to the word it came from, summed over the occurrences in
     * the order they were taken from the text.
     */
    private List<Driver> drivers(Features.Vector v, int maxWords) {
        Features.Provenance p = v.provenance();
        int[] count = new int[v.index().length];
        int[] charPos = positions(v, p.chars(), p.wordCount() == 0 ? 0 : p.charEnd()[p.wordCount() - 1]);
        int[] wordPos = positions(v, p.words(), p.wordFeatures());
        for (int k : charPos) {
            count[k]++;
        }
        for (int j = 0; j < p.wordFeatures(); j++) {
            count[wordPos[j]] += p.bigram()[j] ? 2 : 1;
        }
        Map<String, double[]> byWord = new LinkedHashMap<>();
        int raw = 0;
        for (int w = 0; w < p.wordCount(); w++) {
            double[] sum = byWord.computeIfAbsent(v.text().substring(p.wordStart()[w], p.wordEnd()[w]), x -> new double[1]);
            for (; raw < p.charEnd()[w]; raw++) {
                sum[0] += share(v, charPos[raw], 1, count);
            }
        }
        for (int j = 0; j < p.wordFeatures(); j++) {
            int k = wordPos[j];
            if (p.bigram()[j]) {
                add(byWord, v.text().substring(p.prevStart()[j], p.prevEnd()[j]), share(v, k, 0.5, count));
                add(byWord, v.text().substring(p.spanStart()[j], p.spanEnd()[j]), share(v, k, 0.5, count));
            } else {
                add(byWord, v.text().substring(p.spanStart()[j], p.spanEnd()[j]), share(v, k, 1, count));
            }
        }
        List<Driver> drivers = new ArrayList<>();
        byWord.forEach((w, s) -> {
            if (s[0] > 0 && w.codePointCount(0, w.length()) >= MIN_DRIVER
                    && w.codePoints().anyMatch(Character::isLetter)) {
                drivers.add(new Driver(w, s[0]));
            }
        });
        drivers.sort(Comparator.comparingDouble(Driver::weight).reversed().thenComparing(Driver::word));
        return drivers.subList(0, Math.min(maxWords, drivers.size()));
    }

    /** The position in the vector of each of the first {@code n} raw features. */
    private static int[] positions(Features.Vector v, int[] raw, int n) {
        int[] out = new int[n];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.find(raw[i]);
        }
        return out;
    }

    private double share(Features.Vector v, int k, double share, int[] count) {
        return weights[v.index()[k]] * v.value()[k] * share / count[k];
    }

    private static void add(Map<String, double[]> byWord, String word, double share) {
        byWord.computeIfAbsent(word, x -> new double[1])[0] += share;
    }

    /** Writes the model; the same model always gives the same bytes. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
        d.writeUTF(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(description);
        d.writeInt(features.bits());
        d.writeInt(Features.MIN_N);
        d.writeInt(Features.MAX_N);
        d.writeInt(features.lexicon().size());
        for (String w : features.lexicon()) {
            d.writeUTF(w);
        }
        d.writeDouble(bias);
        d.writeDouble(plattA);
        d.writeDouble(plattB);
        d.writeInt(size());
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                writeVarInt(d, i - last);
                d.writeFloat(weights[i]);
                last = i;
            }
        }
        d.flush();
    }

    /** The model as bytes. */
    public byte[] bytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    /** Reads a model file; the message of the exception says what is wrong with it. */
    public static OffensiveModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a model written by {@link #write}. */
    public static OffensiveModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(in));
        String magic;
        try {
            magic = d.readUTF();
        } catch (IOException e) {
            throw new IOException("not a classifier model file");
        }
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a classifier model file");
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new IOException("classifier model version " + version + " is not supported (expected " + VERSION + ")");
        }
        String description = d.readUTF();
        int bits = d.readInt();
        int minN = d.readInt();
        int maxN = d.readInt();
        if (minN != Features.MIN_N || maxN != Features.MAX_N) {
            throw new IOException("classifier model uses character n-grams " + minN + "-" + maxN + ", this build "
                    + Features.MIN_N + "-" + Features.MAX_N);
        }
        int lexSize = d.readInt();
        List<String> lexicon = new ArrayList<>(lexSize);
        for (int i = 0; i < lexSize; i++) {
            lexicon.add(d.readUTF());
        }
        Features features = new Features(bits, lexicon);
        double bias = d.readDouble();
        double a = d.readDouble();
        double b = d.readDouble();
        int n = d.readInt();
        float[] weights = new float[features.dimension()];
        int idx = -1;
        for (int i = 0; i < n; i++) {
            idx += readVarInt(d);
            if (idx < 0 || idx >= weights.length) {
                throw new IOException("classifier model is corrupt: weight index " + idx + " out of range");
            }
            weights[idx] = d.readFloat();
        }
        if (d.read() != -1) {
            throw new IOException("classifier model is corrupt: data after the last weight");
        }
        return new OffensiveModel(features, weights, bias, a, b, description);
    }

    private static void writeVarInt(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            d.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    private static int readVarInt(DataInputStream d) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = d.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("classifier model is corrupt: bad integer");
    }
}
