package de.wachposten.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 of the OFFENSE class of GermEval 2018 (training file, CC BY 4.0) for a ruleset: a tweet
 * counts as predicted OFFENSE when any rule of an offensive category matches it. The tweets are shuffled with
 * {@code new Random(}{@value #SEED}{@code )}; rules are tuned on the first 60 % of the shuffled order
 * ({@link Split#TUNE}, 3,004 tweets), and {@link Split#HELD_OUT} (the other 40 %, 2,005 tweets) is only measured,
 * never read while writing rules.
 */
public final class GermEvalEvaluation {
    /** The shipped copy of the training file, relative to the project directory. */
    public static final String TRAINING_FILE = "training/germeval2018/germeval2018.training.txt";
    static final List<String> OFFENSIVE = FlaggedContentDetector.OFFENSIVE_CATEGORIES;
    /** The seed of the shuffle that splits the tweets. */
    public static final long SEED = 16;
    /** The share of the shuffled tweets rules are tuned on. */
    public static final double TUNE_SHARE = 0.6;

    /** Which part of the file. */
    public enum Split { TUNE, HELD_OUT, ALL }

    /**
     * The outcome.
     *
     * @param tp         offensive tweets flagged
     * @param fp         other tweets flagged
     * @param fn         offensive tweets missed
     * @param tweets     tweets evaluated
     * @param byCategory tweets flagged per rule category
     */
    public record Result(int tp, int fp, int fn, int tweets, Map<String, Integer> byCategory) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "tweets=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f f1=%.3f per-category=%s",
                    tweets, tp, fp, fn, precision(), recall(), f1(), byCategory);
        }
    }

    private GermEvalEvaluation() {
    }

    /** The lines of the shipped copy of the training file. */
    static List<String[]> lines() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(Path.of(TRAINING_FILE), StandardCharsets.UTF_8)) {
            for (String l; (l = r.readLine()) != null; ) {
                String[] f = l.split("\t");
                if (f.length == 3) {
                    out.add(new String[] {f[0].replace("|LBR|", "\n"), f[1]});
                }
            }
        }
        return out;
    }

    /** The tweets of one split, as (text, label). */
    public static List<String[]> lines(Split split) throws IOException {
        List<String[]> all = lines();
        List<String[]> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(SEED));
        int cut = (int) (all.size() * TUNE_SHARE);
        return switch (split) {
            case TUNE -> shuffled.subList(0, cut);
            case HELD_OUT -> shuffled.subList(cut, shuffled.size());
            case ALL -> all;
        };
    }

    /**
     * Which of {@code n} tweets in file order are in {@link Split#HELD_OUT}: the same shuffle as
     * {@link #lines(Split)} (a shuffle of a list depends only on its size and the random source).
     */
    public static boolean[] heldOutMask(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(SEED));
        boolean[] out = new boolean[n];
        for (int k = (int) (n * TUNE_SHARE); k < n; k++) {
            out[order.get(k)] = true;
        }
        return out;
    }

    /** Evaluates {@code rs} on one split. */
    public static Result evaluate(Ruleset rs, Split split, boolean printErrors) throws IOException {
        List<String[]> part = lines(split);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, Integer> byCat = new TreeMap<>();
        for (String[] t : part) {
            List<RuleMatch> m = rs.match(t[0]).stream().filter(x -> OFFENSIVE.contains(x.rule().category())).toList();
            m.stream().map(x -> x.rule().category()).distinct().forEach(c -> byCat.merge(c, 1, Integer::sum));
            boolean gold = t[1].equals("OFFENSE");
            if (!m.isEmpty() && gold) {
                tp++;
            } else if (!m.isEmpty()) {
                fp++;
                if (printErrors) {
                    System.out.println("FP " + m.stream().map(x -> x.rule().id() + x.terms()).toList() + " " + t[0].replace('\n', ' '));
                }
            } else if (gold) {
                fn++;
            }
        }
        return new Result(tp, fp, fn, part.size(), byCat);
    }

    /**
     * {@code GermEvalEvaluation [RULES_DIR] [tune|held_out|all] [fp|fn]}: prints the figures; {@code fp} also the
     * tweets flagged wrongly, {@code fn} the offensive tweets missed (read them on the tuning split only).
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "rules");
        Split split = args.length > 1 ? Split.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)) : Split.HELD_OUT;
        RuleLoader.Result r = RuleLoader.load(dir);
        r.errors().forEach(System.out::println);
        try (Ruleset rs = Ruleset.of(r.rules())) {
            if (args.length > 2 && args[2].equals("fn")) {
                for (String[] t : lines(split)) {
                    if (t[1].equals("OFFENSE") && rs.match(t[0]).stream()
                            .noneMatch(x -> OFFENSIVE.contains(x.rule().category()))) {
                        System.out.println("FN " + t[0].replace('\n', ' '));
                    }
                }
                return;
            }
            Result res = evaluate(rs, split, args.length > 2 && args[2].equals("fp"));
            System.out.println(split + " " + res);
        }
    }
}
