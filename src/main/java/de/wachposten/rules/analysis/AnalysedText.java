package de.wachposten.rules.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A post's text analysed once, for everything that reads it: the {@link Deobfuscator}'s result, the {@link Markers}
 * found in the original text, and the {@link ContentAnalyzer}'s tokens (term, position increment, offsets into the
 * deobfuscated text). The rules index these tokens and the classifier takes its word features from them, so neither
 * analyses the text again. Immutable once built; {@link #tokenStream} replays the tokens as often as needed.
 */
public final class AnalysedText {
    private static final Analyzer ANALYZER = new ContentAnalyzer();

    private final String text;
    private final String deobfuscated;
    /** Found on first use (the classifier alone never asks); a race only computes the same string twice. */
    private String markers;
    private final char[] chars;
    private final int[] termStart;
    private final int[] termLength;
    private final int[] increment;
    private final int[] start;
    private final int[] end;
    private final int size;

    private AnalysedText(String text, String deobfuscated, Tokens t) {
        this.text = text;
        this.deobfuscated = deobfuscated;
        this.chars = t.chars;
        this.termStart = t.termStart;
        this.termLength = t.termLength;
        this.increment = t.increment;
        this.start = t.start;
        this.end = t.end;
        this.size = t.size;
    }

    /** Analyses {@code text}: deobfuscation and the content analysis, each once; the markers when first asked for. */
    public static AnalysedText of(String text) {
        String deob = Deobfuscator.deobfuscate(text);
        return new AnalysedText(text, deob, tokens(deob));
    }

    /** The text as posted. */
    public String text() {
        return text;
    }

    /** The text with the hiding undone ({@link Deobfuscator#deobfuscate}); token offsets refer to it. */
    public String deobfuscated() {
        return deobfuscated;
    }

    /** The marker words found in the text, space-separated ({@link Markers#find}). */
    public String markers() {
        String m = markers;
        if (m == null) {
            m = Markers.find(text);
            markers = m;
        }
        return m;
    }

    /** True when the text reports, quotes, condemns or explains what it mentions ({@link Markers#distancing}). */
    public boolean distancing() {
        return (" " + markers() + " ").contains(" " + Markers.DISTANCING + " ");
    }

    /** The number of tokens. */
    public int size() {
        return size;
    }

    /** The characters of all terms; term {@code i} is {@code chars()[termStart(i) .. termStart(i) + termLength(i))}. */
    public char[] chars() {
        return chars;
    }

    public int termStart(int i) {
        return termStart[i];
    }

    public int termLength(int i) {
        return termLength[i];
    }

    /** The term of token {@code i}. */
    public String term(int i) {
        return new String(chars, termStart[i], termLength[i]);
    }

    /** The position increment of token {@code i}: 0 for a compound part or a folded variant at the same position. */
    public int increment(int i) {
        return increment[i];
    }

    /** The start offset of token {@code i} in {@link #deobfuscated}. */
    public int start(int i) {
        return start[i];
    }

    /** The end offset of token {@code i} in {@link #deobfuscated}. */
    public int end(int i) {
        return end[i];
    }

    /** A fresh token stream over the tokens, as the content analysis produced them; each call gives a new one. */
    public TokenStream tokenStream() {
        return new Replay();
    }

    private static Tokens tokens(String deobfuscated) {
        Tokens t = new Tokens(deobfuscated.length());
        try (TokenStream ts = ANALYZER.tokenStream(ContentAnalyzer.DEOBFUSCATED, deobfuscated)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                t.add(term.buffer(), term.length(), inc.getPositionIncrement(), off.startOffset(), off.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the text", e);
        }
        return t;
    }

    /** The tokens while they are collected. */
    private static final class Tokens {
        char[] chars;
        int[] termStart = new int[16];
        int[] termLength = new int[16];
        int[] increment = new int[16];
        int[] start = new int[16];
        int[] end = new int[16];
        int size;
        int used;

        Tokens(int length) {
            chars = new char[Math.max(16, length + length / 4)];
        }

        void add(char[] term, int length, int inc, int s, int e) {
            if (size == termStart.length) {
                int n = size * 2;
                termStart = Arrays.copyOf(termStart, n);
                termLength = Arrays.copyOf(termLength, n);
                increment = Arrays.copyOf(increment, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
            }
            if (used + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
            }
            System.arraycopy(term, 0, chars, used, length);
            termStart[size] = used;
            termLength[size] = length;
            increment[size] = inc;
            start[size] = s;
            end[size] = e;
            used += length;
            size++;
        }
    }

    /** Replays the tokens; the final offset is the length of the deobfuscated text, as the analyzer sets it. */
    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next >= size) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(chars, termStart[next], termLength[next]);
            inc.setPositionIncrement(increment[next]);
            offset.setOffset(start[next], end[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(deobfuscated.length(), deobfuscated.length());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
