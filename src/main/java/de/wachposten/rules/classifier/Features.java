package de.wachposten.rules.classifier;

import de.wachposten.rules.analysis.ContentAnalyzer;
import de.wachposten.rules.analysis.Deobfuscator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The features of a text, hashed into a fixed space of {@code 2^bits} indices. Three groups, each on the text as the
 * rules see it ({@link Deobfuscator}: handles and URLs gone, masked and spelled-out words joined, leetspeak undone):
 *
 * <ul>
 *   <li>{@code c}: character n-grams ({@value #MIN_N}–{@value #MAX_N}) of every word, padded with a space on either
 *       side, after folding (lower case, ä→a, ö→o, ü→u, ß→ss, a run of three or more equal letters → two);</li>
 *   <li>{@code w}: the {@link ContentAnalyzer}'s terms (stems and compound parts) as unigrams, and bigrams of
 *       neighbouring stems;</li>
 *   <li>{@code l}: the number of lexicon words (LDNOOBW German list) in the text, at most 3, divided by 3.</li>
 * </ul>
 *
 * A feature's value is {@code 1 + ln(count)}; the {@code c} and {@code w} groups are each scaled to length 1, so short
 * and long posts weigh alike. The index of a feature is a 32-bit FNV-1a hash of its group letter and its UTF-16
 * characters, finished with the MurmurHash3 mixer, modulo {@code 2^bits}: a function of the feature's text alone, the
 * same on every JVM and in every run (unlike {@code HashMap} iteration order), so a model file is portable and
 * training is reproducible. Collisions are accepted (they cost a little accuracy, not correctness).
 *
 * <p>Every feature occurrence remembers the span of the deobfuscated text it came from, so a score can be explained
 * by words. Thread-safe.
 */
public final class Features {
    static final int MIN_N = 2;
    static final int MAX_N = 5;
    private static final ContentAnalyzer ANALYZER = new ContentAnalyzer();
    private static final int MAX_CHARS = 5_000;

    private final int bits;
    private final int mask;
    private final List<String> lexicon;

    /**
     * @param bits    the size of the feature space as a power of two
     * @param lexicon lexicon words (folded on use)
     */
    public Features(int bits, List<String> lexicon) {
        if (bits < 10 || bits > 26) {
            throw new IllegalArgumentException("bits must lie between 10 and 26, not " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.lexicon = lexicon.stream().map(Features::fold).filter(w -> !w.isEmpty()).distinct().sorted().toList();
    }

    public int bits() {
        return bits;
    }

    /** The folded lexicon words, sorted. */
    public List<String> lexicon() {
        return lexicon;
    }

    /** The size of the feature space. */
    public int dimension() {
        return 1 << bits;
    }

    /**
     * Where a feature occurred.
     *
     * @param index the feature index
     * @param start start of the word in {@link Vector#text}
     * @param end   end of the word
     * @param share the share of the feature's weight this occurrence carries
     */
    public record Occurrence(int index, int start, int end, double share) {
    }

    /**
     * A text's feature vector.
     *
     * @param text        the deobfuscated text the spans refer to
     * @param index       feature indices, ascending, no repeats
     * @param value       their values
     * @param occurrences where each feature came from; empty unless asked for
     */
    public record Vector(String text, int[] index, double[] value, List<Occurrence> occurrences) {
        /** The value of feature {@code i}, 0 when absent. */
        double valueOf(int i) {
            int k = Arrays.binarySearch(index, i);
            return k < 0 ? 0 : value[k];
        }
    }

    /** The feature vector of {@code text}; with {@code spans}, also where every feature occurred. */
    public Vector extract(String text, boolean spans) {
        String deob = Deobfuscator.deobfuscate(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        List<Occurrence> occ = spans ? new ArrayList<>() : null;
        Ints chars = new Ints();
        Ints words = new Ints();
        int lex = charGrams(deob, chars, occ);
        wordGrams(deob, words, occ);
        Ints ci = new Ints();
        double[] cv = normalised(counted(chars, ci));
        Ints wi = new Ints();
        double[] wv = normalised(counted(words, wi));
        return merge(deob, Arrays.copyOf(ci.a, ci.n), cv, Arrays.copyOf(wi.a, wi.n), wv, lex,
                occ == null ? List.of() : occ);
    }

    private Vector merge(String deob, int[] ci, double[] cv, int[] wi, double[] wv, int lex, List<Occurrence> occ) {
        int li = hash('l', "", 0, 0);
        int[] idx = new int[ci.length + wi.length + 1];
        double[] val = new double[idx.length];
        int n = 0;
        int a = 0;
        int b = 0;
        boolean lexDone = lex == 0;
        while (a < ci.length || b < wi.length || !lexDone) {
            int next = Integer.MAX_VALUE;
            if (a < ci.length) {
                next = ci[a];
            }
            if (b < wi.length) {
                next = Math.min(next, wi[b]);
            }
            if (!lexDone) {
                next = Math.min(next, li);
            }
            double v = 0;
            if (a < ci.length && ci[a] == next) {
                v += cv[a++];
            }
            if (b < wi.length && wi[b] == next) {
                v += wv[b++];
            }
            if (!lexDone && li == next) {
                v += Math.min(lex, 3) / 3.0;
                lexDone = true;
            }
            idx[n] = next;
            val[n++] = v;
        }
        return new Vector(deob, Arrays.copyOf(idx, n), Arrays.copyOf(val, n), occ);
    }

    /** Sorts {@code raw}, counts runs; fills {@code unique} with the distinct indices; 1 + ln(count). */
    private static double[] counted(Ints raw, Ints unique) {
        int[] s = Arrays.copyOf(raw.a, raw.n);
        Arrays.sort(s);
        double[] out = new double[s.length];
        int n = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            unique.add(s[i]);
            out[n++] = 1 + Math.log(j - i);
            i = j;
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] normalised(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        if (sum > 0) {
            double norm = Math.sqrt(sum);
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    /** Character n-grams of every folded word; returns the number of lexicon hits. */
    private int charGrams(String deob, Ints out, List<Occurrence> occ) {
        StringBuilder word = new StringBuilder(32);
        int lex = 0;
        int start = -1;
        for (int i = 0; i <= deob.length(); i++) {
            char c = i < deob.length() ? deob.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    word.setLength(0);
                    word.append(' ');
                }
                appendFolded(word, c);
            } else if (start >= 0) {
                word.append(' ');
                String w = word.toString();
                if (isLexiconWord(w)) {
                    lex++;
                }
                int before = out.n;
                for (int n = MIN_N; n <= MAX_N; n++) {
                    for (int k = 0; k + n <= w.length(); k++) {
                        out.add(hash('c', w, k, k + n));
                    }
                }
                if (occ != null) {
                    for (int k = before; k < out.n; k++) {
                        occ.add(new Occurrence(out.a[k], start, i, 1));
                    }
                }
                start = -1;
            }
        }
        return lex;
    }

    private boolean isLexiconWord(String padded) {
        String w = padded.substring(1, padded.length() - 1);
        for (String l : lexicon) {
            if (l.length() >= 4 ? w.contains(l) : w.equals(l)) {
                return true;
            }
        }
        return false;
    }

    private static void appendFolded(StringBuilder b, char c) {
        char l = Character.toLowerCase(c);
        String rep = switch (l) {
            case 'ä' -> "a";
            case 'ö' -> "o";
            case 'ü' -> "u";
            case 'ß' -> "ss";
            default -> null;
        };
        if (rep != null) {
            for (int i = 0; i < rep.length(); i++) {
                appendOne(b, rep.charAt(i));
            }
        } else {
            appendOne(b, l);
        }
    }

    private static void appendOne(StringBuilder b, char c) {
        int n = b.length();
        if (n >= 2 && b.charAt(n - 1) == c && b.charAt(n - 2) == c && Character.isLetter(c)) {
            return;
        }
        b.append(c);
    }

    /** A word as the character n-grams see it. */
    static String fold(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                appendFolded(b, c);
            }
        }
        return b.toString();
    }

    /** Unigrams of the analyzer's terms and bigrams of neighbouring stems (compound parts join no bigram). */
    private void wordGrams(String deob, Ints out, List<Occurrence> occ) {
        boolean spans = occ != null;
        // the analyzer deobfuscates again; on deobfuscated text that is the identity, so offsets refer to deob
        try (TokenStream ts = ANALYZER.tokenStream("text", deob)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            String prev = null;
            int prevStart = 0;
            int prevEnd = 0;
            while (ts.incrementToken()) {
                String t = term.toString();
                int s = Math.min(off.startOffset(), deob.length());
                int e = Math.min(off.endOffset(), deob.length());
                int u = hash('w', t, 0, t.length());
                out.add(u);
                if (spans) {
                    occ.add(new Occurrence(u, s, e, 1));
                }
                if (inc.getPositionIncrement() > 0) {
                    if (prev != null) {
                        String bg = prev + ' ' + t;
                        int h = hash('b', bg, 0, bg.length());
                        out.add(h);
                        if (spans) {
                            occ.add(new Occurrence(h, prevStart, prevEnd, 0.5));
                            occ.add(new Occurrence(h, s, e, 0.5));
                        }
                    }
                    prev = t;
                    prevStart = s;
                    prevEnd = e;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the text", e);
        }
    }

    /** FNV-1a over the group letter and {@code s[from, to)}, MurmurHash3 finaliser, masked to the space. */
    int hash(char group, String s, int from, int to) {
        int h = 0x811C9DC5;
        h = (h ^ group) * 0x01000193;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** A growable int array. */
    private static final class Ints {
        int[] a = new int[256];
        int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "features(bits=%d, char %d-%d, words+bigrams, lexicon=%d)", bits, MIN_N, MAX_N,
                lexicon.size());
    }
}
