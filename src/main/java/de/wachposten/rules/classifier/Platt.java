package de.wachposten.rules.classifier;

/**
 * Platt scaling: fits {@code p = 1 / (1 + exp(a·z + b))} to decision values {@code z} and labels, with Platt's
 * smoothed targets, by Newton's method with backtracking (Lin, Lin and Weng, "A note on Platt's probabilistic
 * outputs for support vector machines", 2007). Deterministic.
 */
final class Platt {
    private Platt() {
    }

    /** {@code {a, b}} for decision values {@code z} and labels {@code y}. */
    static double[] fit(double[] z, boolean[] y) {
        int pos = 0;
        for (boolean v : y) {
            if (v) {
                pos++;
            }
        }
        int neg = y.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            t[i] = y[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double f = objective(z, t, a, b);
        for (int it = 0; it < 100; it++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < z.length; i++) {
                double fApB = z[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += z[i] * z[i] * d2;
                h22 += d2;
                h21 += z[i] * d2;
                double d1 = t[i] - p;
                g1 += z[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = objective(z, t, na, nb);
                if (nf < f + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    f = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double objective(double[] z, double[] t, double a, double b) {
        double f = 0;
        for (int i = 0; i < z.length; i++) {
            double fApB = z[i] * a + b;
            f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return f;
    }

    static double probability(double a, double b, double z) {
        double fApB = z * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1.0 + Math.exp(fApB));
    }
}
