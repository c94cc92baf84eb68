package de.wachposten.rules;

import de.wachposten.rules.analysis.ContentAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Prints the tokens the content analysis makes of each argument (a tool for rule writers, not a test). */
public final class AnalysisDump {
    private AnalysisDump() {
    }

    /** The analysed tokens of {@code text}. */
    public static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(QueryCompiler.TEXT, text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        try (ContentAnalyzer a = new ContentAnalyzer()) {
            for (String s : args) {
                System.out.println(s + " -> " + tokens(a, s));
            }
        }
    }
}
