package de.wachposten.rules.classifier;

import de.wachposten.config.ConfigError;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.GermEvalEvaluation;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.analysis.Markers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Harness (not part of the test run): 10-fold cross-validation of the classifier on the GermEval 2018 training tweets
 * (each fold's model is trained on the other folds plus the project's examples, and calibrated by an inner 10-fold
 * cross-validation, exactly as {@code train} does), compared with and combined with the shipped rules (a tweet is
 * flagged by the rules when a rule of an offensive category matches). Prints precision, recall and F1 of OFFENSE and
 * the GermEval average F1 per threshold, a reliability table, and draws the precision–recall curve to
 * {@code docs/classifier-pr-curve.png}.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.rules.classifier.ClassifierEvaluation
 * [RULES_DIR ...]} (about three minutes on one core). Each rules directory (default {@code rules}) gets its own figures,
 * also on the held-out split of {@link GermEvalEvaluation} (the classifier's scores are out of fold everywhere); the
 * curve is drawn for the last one.
 */
public final class ClassifierEvaluation {

    private ClassifierEvaluation() {
    }

    /** Counts of one system at one threshold over the tweets. */
    record Counts(int tp, int fp, int fn, int tn) {
        static Counts of(boolean[] predicted, boolean[] gold) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (int i = 0; i < gold.length; i++) {
                if (predicted[i] && gold[i]) {
                    tp++;
                } else if (predicted[i]) {
                    fp++;
                } else if (gold[i]) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Counts(tp, fp, fn, tn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return (double) tp / (tp + fn);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        /** GermEval's average F1: harmonic mean of precision and recall each averaged over OFFENSE and OTHER. */
        double macroF1() {
            double pOther = tn + fn == 0 ? 1 : (double) tn / (tn + fn);
            double rOther = (double) tn / (tn + fp);
            double p = (precision() + pOther) / 2;
            double r = (recall() + rOther) / 2;
            return 2 * p * r / (p + r);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-22s P=%.3f R=%.3f F1=%.3f macroF1=%.3f (tp=%d fp=%d fn=%d)", name,
                    precision(), recall(), f1(), macroF1(), tp, fp, fn);
        }
    }

    public static void main(String[] args) throws Exception {
        List<ConfigError> errors = new ArrayList<>();
        Training t = Training.read(Path.of("training"), Path.of("rules", ClassifierFiles.EXAMPLES), errors);
        int n = t.data().size();
        boolean[] gold = new boolean[n];
        for (int i = 0; i < n; i++) {
            gold[i] = t.data().get(i).offensive();
        }
        double[] all = Trainer.outOfFoldProbabilities(t.all(), t.lexicon(), Trainer.Settings.DEFAULTS);
        double[] p = java.util.Arrays.copyOf(all, n);
        for (int i = 0; i < n; i++) {
            if (Markers.distancing(t.data().get(i).text())) {
                p[i] = 0; // the detector keeps the classifier silent on distancing texts
            }
        }
        List<String[]> file = GermEvalEvaluation.lines(GermEvalEvaluation.Split.ALL);
        for (int i = 0; i < n; i++) {
            if (file.size() != n || !file.get(i)[0].equals(t.data().get(i).text())) {
                throw new IllegalStateException("the training data and the rules' split disagree at tweet " + i);
            }
        }
        boolean[] heldOut = GermEvalEvaluation.heldOutMask(n);
        double def = de.wachposten.config.ContentSettings.DEFAULT_THRESHOLD;
        System.out.println("tweets=" + n + " offense=" + Counts.of(gold, gold).tp());
        boolean[] rules = null;
        Counts r = null;
        for (String dir : args.length == 0 ? new String[] {"rules"} : args) {
            rules = new boolean[n];
            try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of(dir)).rules())) {
                for (int i = 0; i < n; i++) {
                    rules[i] = FlaggedContentDetector.flagsByRules(rs, t.data().get(i).text());
                }
            }
            r = Counts.of(rules, gold);
            System.out.println("== rules of " + dir + ", all tweets (classifier scores out of fold):");
            System.out.println(r.line("rules alone"));
            System.out.println("threshold  classifier alone                                    rules + classifier");
            for (int k = 1; k <= 19; k++) {
                double th = k * 0.05;
                System.out.printf(Locale.ROOT, "%.2f  %s | %s%n", th, Counts.of(above(p, th), gold).line("classifier"),
                        Counts.of(or(rules, above(p, th)), gold).line("both"));
            }
            System.out.println("at the default threshold " + def + ":");
            System.out.println(r.line("rules alone"));
            System.out.println(Counts.of(above(p, def), gold).line("classifier alone"));
            System.out.println(Counts.of(or(rules, above(p, def)), gold).line("rules + classifier"));
            System.out.println("at the default threshold " + def + ", held-out split of the rules (seed "
                    + GermEvalEvaluation.SEED + ", " + count(heldOut) + " tweets):");
            System.out.println(Counts.of(only(rules, heldOut), only(gold, heldOut)).line("rules alone"));
            System.out.println(Counts.of(only(above(p, def), heldOut), only(gold, heldOut)).line("classifier alone"));
            System.out.println(Counts.of(only(or(rules, above(p, def)), heldOut), only(gold, heldOut))
                    .line("rules + classifier"));
        }
        System.out.println("reliability (out-of-fold calibrated probability):");
        for (int b = 0; b < 10; b++) {
            int cnt = 0;
            int pos = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (Math.min((int) (p[i] * 10), 9) == b) {
                    cnt++;
                    sum += p[i];
                    pos += gold[i] ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "  [%.1f, %.1f)  n=%4d  mean p=%.3f  observed=%.3f%n", b / 10.0,
                    (b + 1) / 10.0, cnt, cnt == 0 ? 0 : sum / cnt, cnt == 0 ? 0 : (double) pos / cnt);
        }
        draw(p, rules, gold, r, def, Path.of("docs", "classifier-pr-curve.png"));
    }

    /** The entries of {@code a} where {@code mask} is set. */
    private static boolean[] only(boolean[] a, boolean[] mask) {
        boolean[] out = new boolean[count(mask)];
        for (int i = 0, j = 0; i < a.length; i++) {
            if (mask[i]) {
                out[j++] = a[i];
            }
        }
        return out;
    }

    private static int count(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static boolean[] above(double[] p, double th) {
        boolean[] out = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] >= th;
        }
        return out;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }

    private static void draw(double[] p, boolean[] rules, boolean[] gold, Counts r, double def, Path file)
            throws Exception {
        System.setProperty("java.awt.headless", "true");
        int w = 720;
        int h = 560;
        int m = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(220, 220, 220));
        for (int k = 0; k <= 10; k++) {
            int x = m + k * (w - 2 * m) / 10;
            int y = h - m - k * (h - 2 * m) / 10;
            g.drawLine(x, m, x, h - m);
            g.drawLine(m, y, w - m, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(m, m, w - 2 * m, h - 2 * m);
        for (int k = 0; k <= 10; k += 2) {
            g.drawString(String.format(Locale.ROOT, "%.1f", k / 10.0), m + k * (w - 2 * m) / 10 - 9, h - m + 18);
            g.drawString(String.format(Locale.ROOT, "%.1f", k / 10.0), m - 30, h - m - k * (h - 2 * m) / 10 + 5);
        }
        g.drawString("recall (OFFENSE)", w / 2 - 50, h - 25);
        g.drawString("precision", 8, m - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("GermEval 2018 training tweets, 10-fold cross-validation", m, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        curve(g, p, new boolean[p.length], gold, new Color(30, 90, 200), w, h, m);
        curve(g, p, rules, gold, new Color(200, 80, 30), w, h, m);
        point(g, r, Color.BLACK, w, h, m);
        point(g, Counts.of(above(p, def), gold), new Color(30, 90, 200), w, h, m);
        point(g, Counts.of(or(rules, above(p, def)), gold), new Color(200, 80, 30), w, h, m);
        g.setColor(new Color(30, 90, 200));
        g.drawString("classifier alone", w - m - 200, m + 20);
        g.setColor(new Color(200, 80, 30));
        g.drawString("rules + classifier", w - m - 200, m + 38);
        g.setColor(Color.BLACK);
        g.drawString("\u25CF rules alone; dots: default threshold " + def, w - m - 280, m + 56);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void curve(Graphics2D g, double[] p, boolean[] always, boolean[] gold, Color c, int w, int h, int m) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        int px = -1;
        int py = -1;
        for (int k = 99; k >= 1; k--) {
            Counts x = Counts.of(or(always, above(p, k / 100.0)), gold);
            if (x.tp() + x.fp() == 0) {
                continue;
            }
            int sx = m + (int) (x.recall() * (w - 2 * m));
            int sy = h - m - (int) (x.precision() * (h - 2 * m));
            if (px >= 0) {
                g.drawLine(px, py, sx, sy);
            }
            px = sx;
            py = sy;
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void point(Graphics2D g, Counts x, Color c, int w, int h, int m) {
        g.setColor(c);
        int sx = m + (int) (x.recall() * (w - 2 * m));
        int sy = h - m - (int) (x.precision() * (h - 2 * m));
        g.fillOval(sx - 5, sy - 5, 10, 10);
    }
}
