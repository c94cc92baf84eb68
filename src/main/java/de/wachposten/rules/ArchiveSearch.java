package de.wachposten.rules;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

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

    /** The query as given. */
    public String text() {
        return text;
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("invalid query");
    }
}
