package de.wachposten.rules;

import de.wachposten.rules.analysis.Deobfuscator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A full-text query over archived posts with the rules' analysis ({@link QueryCompiler#analyzer()}): Lucene classic
 * syntax, default field the post's analysed text, {@code marker:NAME} for marker patterns, default operator AND
 * (every bare word must occur). {@code Pflegeheime} finds {@code Pflegeheim}, {@code Strasse} finds {@code Straße}.
 * A post is matched in a {@link MemoryIndex} of its own, so there is no index to build or keep. Immutable and
 * thread-safe.
 */
public final class ArchiveSearch {
    private final String text;
    private final Query query;

    private ArchiveSearch(String text, Query query) {
        this.text = text;
        this.query = query;
    }

    /**
     * Parses {@code text}.
     *
     * @throws ParseException with a one-line message naming the problem (syntax error, no searchable word)
     */
    public static ArchiveSearch parse(String text) throws ParseException {
        QueryParser p = new QueryParser(QueryCompiler.TEXT, QueryCompiler.analyzer());
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        p.setAllowLeadingWildcard(false);
        p.setDefaultOperator(QueryParser.Operator.AND);
        Query q;
        try {
            q = p.parse(text);
        } catch (ParseException e) {
            throw new ParseException(firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses | IllegalArgumentException e) {
            throw new ParseException(firstLine(e.getMessage()));
        }
        if (q == null || q instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new ParseException("the query has no searchable word after analysis");
        }
        return new ArchiveSearch(text, q);
    }

    /** True when the post text {@code postText} matches. */
    public boolean matches(String postText) {
        MemoryIndex mi = MemoryIndex.fromDocument(Ruleset.document(postText), QueryCompiler.analyzer());
        return mi.search(query) > 0.0f;
    }

    /**
     * The words of {@code postText} the query matched, as they stand in the deobfuscated text (as
     * {@link RuleMatch#terms} gives them), in text order, no repeats; empty when it does not match.
     */
    public List<String> terms(String postText) {
        MemoryIndex mi = MemoryIndex.fromDocument(Ruleset.document(postText), QueryCompiler.analyzer(), true, false);
        String deobfuscated = Deobfuscator.deobfuscate(postText);
        Set<String> out = new LinkedHashSet<>();
        try {
            IndexSearcher s = mi.createSearcher();
            Weight w = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Matches m = w.matches(s.getIndexReader().leaves().getFirst(), 0);
            MatchesIterator it = m == null ? null : m.getMatches(QueryCompiler.TEXT);
            while (it != null && it.next()) {
                add(out, it.getSubMatches(), it, deobfuscated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot highlight the post", e);
        }
        return List.copyOf(out);
    }

    private static void add(Set<String> out, MatchesIterator sub, MatchesIterator whole, String text)
            throws IOException {
        if (sub == null) {
            int from = whole.startOffset();
            int to = whole.endOffset();
            if (from >= 0 && to <= text.length() && from < to) {
                out.add(text.substring(from, to));
            }
            return;
        }
        while (sub.next()) {
            add(out, sub.getSubMatches(), sub, text);
        }
    }

    /** The parsed Lucene query, over the fields of {@link Ruleset#document}. */
    public Query query() {
        return query;
    }

    /** The query as given. */
    public String text() {
        return text;
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("invalid query");
    }
}
