package de.wachposten.rules.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analysis chain for rule queries and posts, German first and also used for English rules:
 *
 * <ol>
 *   <li>{@link Deobfuscator} (NFKC, handles, URLs, gender forms, spelled-out and masked words, leetspeak, CamelCase
 *       and hashtag splitting);</li>
 *   <li>{@link StandardTokenizer} (Unicode word boundaries; emoji stay tokens so rules can name them);</li>
 *   <li>lower case; stretched letters folded ({@link RepeatedLetterFilter});</li>
 *   <li>{@link GermanNormalizationFilter}: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss, so {@code Ä} and {@code ae} meet;</li>
 *   <li>compound splitting against a small shipped list of slur and target stems
 *       ({@code compound-parts.txt}): {@code Asylantenpack} also yields {@code pack};</li>
 *   <li>{@link GermanLightStemFilter} (plural and case endings; harmless on English words, which are only matched
 *       against queries analysed the same way).</li>
 * </ol>
 *
 * Analysing a 100,000-character post, binary junk or a post of only emoji is safe. Thread-safe (Lucene reuses one
 * token stream per thread).
 */
public final class ContentAnalyzer extends Analyzer {
    /**
     * The field name for text that is already deobfuscated ({@link Deobfuscator#deobfuscate}): the chain skips step 1
     * for it, so {@link AnalysedText} deobfuscates a post only once.
     */
    public static final String DEOBFUSCATED = "__deobfuscated";
    private static final int MIN_WORD = 7;
    private static final int MIN_PART = 4;
    private final CharArraySet parts;

    /** An analyzer with the shipped compound-part list. */
    public ContentAnalyzer() {
        this.parts = loadParts();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        if (DEOBFUSCATED.equals(fieldName)) {
            return reader;
        }
        return new StringReader(Deobfuscator.deobfuscate(readAll(reader)));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        ts = new RepeatedLetterFilter(ts);
        ts = new GermanNormalizationFilter(ts);
        ts = new DictionaryCompoundWordTokenFilter(ts, parts, MIN_WORD, MIN_PART, 30, true);
        ts = new GermanLightStemFilter(ts);
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }

    private static String readAll(Reader reader) {
        try {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = reader.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text to analyse", e);
        }
    }

    private static CharArraySet loadParts() {
        List<String> words = new ArrayList<>();
        try (InputStream in = ContentAnalyzer.class.getResourceAsStream("compound-parts.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(fold(w));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read the compound-part list compound-parts.txt: " + e, e);
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }

    /** A word as the chain sees it before compound splitting: lower case, umlauts and ß folded. */
    static String fold(String word) {
        try (KeywordTokenizer t = new KeywordTokenizer();
             TokenStream ts = new GermanNormalizationFilter(new LowerCaseFilter(t))) {
            t.setReader(new StringReader(word));
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            ts.incrementToken();
            String s = term.toString();
            ts.end();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
