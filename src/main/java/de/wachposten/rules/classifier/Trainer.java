package de.wachposten.rules.classifier;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;
import java.util.Random;

/**
 * Trains an {@link OffensiveModel}: L2-regularised logistic regression (liblinear's primal trust-region Newton
 * solver, which uses no random numbers) on {@link Features}, then Platt scaling fitted on the decision values of a
 * k-fold cross-validation (folds drawn with the seed). Same data, lexicon, settings and seed: same model, bit for bit.
 */
public final class Trainer {

    /**
     * @param bits  feature space size as a power of two
     * @param c     liblinear's cost (inverse regularisation strength)
     * @param folds cross-validation folds for the Platt fit
     * @param seed  seed of the fold assignment
     */
    public record Settings(int bits, double c, int folds, long seed) {
        public static final Settings DEFAULTS = new Settings(20, 8.0, 10, 1);

        public Settings withSeed(long s) {
            return new Settings(bits, c, folds, s);
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    private Trainer() {
    }

    /** A model trained on all of {@code data}, calibrated on its cross-validated decision values. */
    public static OffensiveModel train(List<Labelled> data, List<String> lexicon, Settings s, String description) {
        Features f = new Features(s.bits(), lexicon);
        Features.Vector[] x = vectors(f, data);
        boolean[] y = labels(data);
        double[] z = outOfFold(x, y, s);
        double[] ab = Platt.fit(z, y);
        Fit fit = fit(x, y, s.c(), f.dimension());
        return new OffensiveModel(f, fit.weights(), fit.bias(), ab[0], ab[1], description);
    }

    /** Out-of-fold decision values (uncalibrated) of every item of {@code data}, in order. */
    public static double[] outOfFold(List<Labelled> data, List<String> lexicon, Settings s) {
        Features f = new Features(s.bits(), lexicon);
        return outOfFold(vectors(f, data), labels(data), s);
    }

    /**
     * Out-of-fold calibrated probabilities: per fold, a model trained (and Platt-calibrated by an inner
     * cross-validation) on the other folds scores the fold. What the shipped model would say about unseen posts.
     */
    public static double[] outOfFoldProbabilities(List<Labelled> data, List<String> lexicon, Settings s) {
        Features f = new Features(s.bits(), lexicon);
        Features.Vector[] x = vectors(f, data);
        boolean[] y = labels(data);
        int[] fold = folds(x.length, s.folds(), s.seed());
        double[] p = new double[x.length];
        for (int k = 0; k < s.folds(); k++) {
            Split sp = split(x, y, fold, k);
            double[] inner = outOfFold(sp.trainX(), sp.trainY(), s);
            double[] ab = Platt.fit(inner, sp.trainY());
            Fit fit = fit(sp.trainX(), sp.trainY(), s.c(), f.dimension());
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == k) {
                    p[i] = Platt.probability(ab[0], ab[1], fit.decision(x[i]));
                }
            }
        }
        return p;
    }

    /** The fold of each of {@code n} items: a seeded shuffle dealt round-robin into {@code k} folds. */
    public static int[] folds(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        return fold;
    }

    private static double[] outOfFold(Features.Vector[] x, boolean[] y, Settings s) {
        int[] fold = folds(x.length, s.folds(), s.seed());
        double[] z = new double[x.length];
        int dim = 1 << s.bits();
        for (int k = 0; k < s.folds(); k++) {
            Split sp = split(x, y, fold, k);
            Fit fit = fit(sp.trainX(), sp.trainY(), s.c(), dim);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == k) {
                    z[i] = fit.decision(x[i]);
                }
            }
        }
        return z;
    }

    private record Split(Features.Vector[] trainX, boolean[] trainY) {
    }

    private static Split split(Features.Vector[] x, boolean[] y, int[] fold, int k) {
        int n = 0;
        for (int f : fold) {
            if (f != k) {
                n++;
            }
        }
        Features.Vector[] tx = new Features.Vector[n];
        boolean[] ty = new boolean[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (fold[i] != k) {
                tx[j] = x[i];
                ty[j++] = y[i];
            }
        }
        return new Split(tx, ty);
    }

    private static Features.Vector[] vectors(Features f, List<Labelled> data) {
        return data.stream().map(l -> f.extract(l.text(), false)).toArray(Features.Vector[]::new);
    }

    private static boolean[] labels(List<Labelled> data) {
        boolean[] y = new boolean[data.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.get(i).offensive();
        }
        return y;
    }

    /** Weights (float, as stored) and bias of one fit. */
    record Fit(float[] weights, double bias) {
        double decision(Features.Vector v) {
            double z = bias;
            for (int i = 0; i < v.index().length; i++) {
                z += weights[v.index()[i]] * v.value()[i];
            }
            return z;
        }
    }

    static Fit fit(Features.Vector[] x, boolean[] y, double c, int dim) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = dim + 1;
        p.bias = 1;
        p.x = new Feature[x.length][];
        p.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int[] idx = x[i].index();
            double[] val = x[i].value();
            Feature[] row = new Feature[idx.length + 1];
            for (int k = 0; k < idx.length; k++) {
                row[k] = new FeatureNode(idx[k] + 1, val[k]);
            }
            row[idx.length] = new FeatureNode(dim + 1, 1);
            p.x[i] = row;
            p.y[i] = y[i] ? 1 : -1;
        }
        Model m = Linear.train(p, new Parameter(SolverType.L2R_LR, c, 0.01));
        double[] w = m.getFeatureWeights();
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) (sign * w[i]);
        }
        return new Fit(out, sign * w[dim]);
    }
}
