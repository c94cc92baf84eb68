package de.wachposten.rules.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Folds stretched words: a run of three or more equal letters becomes two ({@code Scheeeiße} → {@code scheeiße}), and
 * when that differs from the run folded to one letter, the one-letter form is added at the same position
 * ({@code scheiße}). So both {@code Hasssss} → {@code hass} and {@code Iiidiot} → {@code idiot} meet their word.
 */
final class RepeatedLetterFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private AttributeSource.State pending;
    private String pendingTerm;

    RepeatedLetterFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            term.setEmpty().append(pendingTerm);
            posInc.setPositionIncrement(0);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!hasRun(term)) {
            return true;
        }
        String original = term.toString();
        String two = fold(original, 2);
        String one = fold(original, 1);
        term.setEmpty().append(two);
        if (!one.equals(two)) {
            pending = captureState();
            pendingTerm = one;
        }
        return true;
    }

    private static boolean hasRun(CharTermAttribute t) {
        char[] b = t.buffer();
        for (int i = 2; i < t.length(); i++) {
            if (b[i] == b[i - 1] && b[i] == b[i - 2] && Character.isLetter(b[i])) {
                return true;
            }
        }
        return false;
    }

    /** Shortens every run of three or more equal letters to {@code keep} letters. */
    static String fold(String s, int keep) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            while (j < s.length() && s.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            int n = run >= 3 && Character.isLetter(c) ? keep : run;
            out.append(String.valueOf(c).repeat(n));
            i = j;
        }
        return out.toString();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        pendingTerm = null;
    }
}
