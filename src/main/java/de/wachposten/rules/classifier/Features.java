package de.wachposten.rules.classifier;

import de.wachposten.rules.analysis.AnalysedText;
import de.wachposten.rules.analysis.ContentAnalyzer;
import de.wachposten.rules.analysis.Deobfuscator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
     * Where the features of a text came from, for explaining a score by words. Character n-grams are listed word by
     * word: word {@code k} spans {@code wordStart[k] .. wordEnd[k]} of {@link Vector#text} and produced the raw features
     * {@code chars[charEnd[k-1] .. charEnd[k])}. Word features are listed token by token: raw feature {@code j} is
     * {@code words[j]}, taken from the span {@code spanStart[j] .. spanEnd[j]}; a bigram ({@code bigram[j]}) is also
     * taken from the span {@code prevStart[j] .. prevEnd[j]} of the previous stem, each span carrying half of it.
     */
    record Provenance(int[] chars, int[] charEnd, int[] wordStart, int[] wordEnd, int wordCount, int[] words,
                      int[] spanStart, int[] spanEnd, int[] prevStart, int[] prevEnd, boolean[] bigram, int wordFeatures) {
    }

    /**
     * A text's feature vector.
     *
     * @param text       the deobfuscated text the spans refer to
     * @param index      feature indices, ascending, no repeats
     * @param value      their values
     * @param provenance where each feature came from; null unless asked for
     */
    public record Vector(String text, int[] index, double[] value, Provenance provenance) {
        /** The position of feature {@code i} in {@link #index}, negative when absent. */
        int find(int i) {
            return Arrays.binarySearch(index, i);
        }
    }

    /** The feature vector of {@code text}; with {@code spans}, also where every feature occurred. */
    public Vector extract(String text, boolean spans) {
        return extract(AnalysedText.of(clip(text)), spans);
    }

    /**
     * The feature vector of an analysed text; with {@code spans}, also where every feature occurred. A text longer
     * than {@value #MAX_CHARS} characters is cut there and analysed anew.
     */
    public Vector extract(AnalysedText text, boolean spans) {
        AnalysedText t = text.text().length() > MAX_CHARS ? AnalysedText.of(clip(text.text())) : text;
        String deob = t.deobfuscated();
        Ints chars = new Ints(Math.max(64, 4 * deob.length()));
        Words ws = spans ? new Words() : null;
        int lex = charGrams(deob, chars, ws);
        Ints words = new Ints(Math.max(16, 2 * t.size()));
        TokenSpans ts = spans ? new TokenSpans(t.size()) : null;
        wordGrams(t, words, ts);
        Provenance prov = spans ? new Provenance(chars.a, ws.end.a, ws.start.a, ws.stop.a, ws.end.n, words.a,
                ts.start, ts.end, ts.prevStart, ts.prevEnd, ts.bigram, words.n) : null;
        Ints ci = new Ints(chars.n);
        double[] cv = normalised(counted(chars, ci));
        Ints wi = new Ints(words.n);
        double[] wv = normalised(counted(words, wi));
        return merge(deob, ci, cv, wi, wv, lex, prov);
    }

    private static String clip(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    private Vector merge(String deob, Ints ci, double[] cv, Ints wi, double[] wv, int lex, Provenance prov) {
        int li = hash('l', "", 0, 0);
        int[] idx = new int[ci.n + wi.n + 1];
        double[] val = new double[idx.length];
        int n = 0;
        int a = 0;
        int b = 0;
        boolean lexDone = lex == 0;
        while (a < ci.n || b < wi.n || !lexDone) {
            int next = Integer.MAX_VALUE;
            if (a < ci.n) {
                next = ci.a[a];
            }
            if (b < wi.n) {
                next = Math.min(next, wi.a[b]);
            }
            if (!lexDone) {
                next = Math.min(next, li);
            }
            double v = 0;
            if (a < ci.n && ci.a[a] == next) {
                v += cv[a++];
            }
            if (b < wi.n && wi.a[b] == next) {
                v += wv[b++];
            }
            if (!lexDone && li == next) {
                v += Math.min(lex, 3) / 3.0;
                lexDone = true;
            }
            idx[n] = next;
            val[n++] = v;
        }
        return new Vector(deob, Arrays.copyOf(idx, n), Arrays.copyOf(val, n), prov);
    }

    /**
     * Sorts {@code raw} (a copy: the raw order is the provenance), counts runs; fills {@code unique} with the distinct
     * indices; 1 + ln(count).
     */
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
        return out.length == n ? out : Arrays.copyOf(out, n);
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

    /**
     * Character n-grams of every folded word, in the order n = {@value #MIN_N} .. {@value #MAX_N}, then by start;
     * returns the number of lexicon hits.
     */
    private int charGrams(String deob, Ints out, Words words) {
        char[] w = new char[64];
        int len = 0;
        int lex = 0;
        int start = -1;
        int textLength = deob.length();
        for (int i = 0; i <= textLength; i++) {
            char c = i < textLength ? deob.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    len = 0;
                    w[len++] = ' ';
                }
                if (len + 3 > w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                }
                len = appendFolded(w, len, c);
            } else if (start >= 0) {
                if (len + 1 > w.length) {
                    w = Arrays.copyOf(w, w.length * 2);
                }
                w[len++] = ' ';
                if (isLexiconWord(w, len)) {
                    lex++;
                }
                grams(w, len, out);
                if (words != null) {
                    words.add(start, i, out.n);
                }
                start = -1;
            }
        }
        return lex;
    }

    /**
     * The n-grams of the padded word {@code w[0, len)}: all bigrams by start, then all trigrams, and so on; each start
     * is hashed once for all lengths, every hash written to its place in that order.
     */
    private void grams(char[] w, int len, Ints out) {
        int base = out.n;
        int total = 0;
        int[] offset = new int[MAX_N + 1];
        for (int n = MIN_N; n <= MAX_N; n++) {
            offset[n] = total;
            total += Math.max(0, len - n + 1);
        }
        out.reserve(total);
        int[] a = out.a;
        for (int k = 0; k + MIN_N <= len; k++) {
            int h = (0x811C9DC5 ^ 'c') * 0x01000193;
            for (int i = k; i < k + MIN_N - 1; i++) {
                h = (h ^ w[i]) * 0x01000193;
            }
            for (int n = MIN_N; n <= MAX_N && k + n <= len; n++) {
                h = (h ^ w[k + n - 1]) * 0x01000193;
                a[base + offset[n] + k] = finish(h);
            }
        }
        out.n = base + total;
    }

    private boolean isLexiconWord(char[] padded, int len) {
        String w = new String(padded, 1, len - 2);
        for (String l : lexicon) {
            if (l.length() >= 4 ? w.contains(l) : w.equals(l)) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code c} folded at {@code len} of {@code b} (room for two more chars); returns the new length. */
    private static int appendFolded(char[] b, int len, char c) {
        char l = Character.toLowerCase(c);
        switch (l) {
            case 'ä' -> len = appendOne(b, len, 'a');
            case 'ö' -> len = appendOne(b, len, 'o');
            case 'ü' -> len = appendOne(b, len, 'u');
            case 'ß' -> {
                len = appendOne(b, len, 's');
                len = appendOne(b, len, 's');
            }
            default -> len = appendOne(b, len, l);
        }
        return len;
    }

    private static int appendOne(char[] b, int n, char c) {
        if (n >= 2 && b[n - 1] == c && b[n - 2] == c && Character.isLetter(c)) {
            return n;
        }
        b[n] = c;
        return n + 1;
    }

    /** A word as the character n-grams see it. */
    static String fold(String word) {
        char[] b = new char[2 * word.length() + 2];
        int n = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                n = appendFolded(b, n, c);
            }
        }
        return new String(b, 0, n);
    }

    /**
     * Unigrams of the analyzer's terms and bigrams of neighbouring stems (compound parts join no bigram), from the
     * tokens of the analysed text (whose offsets refer to its deobfuscated text).
     */
    private void wordGrams(AnalysedText t, Ints out, TokenSpans spans) {
        int length = t.deobfuscated().length();
        char[] c = t.chars();
        int prev = -1;
        int prevStart = 0;
        int prevEnd = 0;
        for (int i = 0; i < t.size(); i++) {
            int s = Math.min(t.start(i), length);
            int e = Math.min(t.end(i), length);
            int from = t.termStart(i);
            int to = from + t.termLength(i);
            int u = finish(fnv((0x811C9DC5 ^ 'w') * 0x01000193, c, from, to));
            if (spans != null) {
                spans.unigram(out.n, s, e);
            }
            out.add(u);
            if (t.increment(i) > 0) {
                if (prev >= 0) {
                    int h = (0x811C9DC5 ^ 'b') * 0x01000193;
                    h = fnv(h, c, t.termStart(prev), t.termStart(prev) + t.termLength(prev));
                    h = (h ^ ' ') * 0x01000193;
                    h = finish(fnv(h, c, from, to));
                    if (spans != null) {
                        spans.bigram(out.n, prevStart, prevEnd, s, e);
                    }
                    out.add(h);
                }
                prev = i;
                prevStart = s;
                prevEnd = e;
            }
        }
    }

    private static int fnv(int h, char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ c[i]) * 0x01000193;
        }
        return h;
    }

    /** The MurmurHash3 finaliser, masked to the space. */
    private int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** FNV-1a over the group letter and {@code s[from, to)}, MurmurHash3 finaliser, masked to the space. */
    int hash(char group, String s, int from, int to) {
        int h = 0x811C9DC5;
        h = (h ^ group) * 0x01000193;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return finish(h);
    }

    /** A growable int array. */
    private static final class Ints {
        int[] a;
        int n;

        Ints(int capacity) {
            a = new int[Math.max(4, capacity)];
        }

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }

        void reserve(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }
    }

    /** The words of the character n-grams: span and where their raw features end. */
    private static final class Words {
        final Ints start = new Ints(32);
        final Ints stop = new Ints(32);
        final Ints end = new Ints(32);

        void add(int from, int to, int rawEnd) {
            start.add(from);
            stop.add(to);
            end.add(rawEnd);
        }
    }

    /** The spans of the raw word features, by raw position (at most two per token). */
    private static final class TokenSpans {
        final int[] start;
        final int[] end;
        final int[] prevStart;
        final int[] prevEnd;
        final boolean[] bigram;

        TokenSpans(int tokens) {
            int n = Math.max(1, 2 * tokens);
            start = new int[n];
            end = new int[n];
            prevStart = new int[n];
            prevEnd = new int[n];
            bigram = new boolean[n];
        }

        void unigram(int j, int s, int e) {
            start[j] = s;
            end[j] = e;
        }

        void bigram(int j, int ps, int pe, int s, int e) {
            prevStart[j] = ps;
            prevEnd[j] = pe;
            start[j] = s;
            end[j] = e;
            bigram[j] = true;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "features(bits=%d, char %d-%d, words+bigrams, lexicon=%d)", bits, MIN_N, MAX_N,
                lexicon.size());
    }
}
