package de.wachposten.rules;

import de.wachposten.rules.analysis.ContentAnalyzer;
import de.wachposten.rules.analysis.Markers;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Parses rule queries (Lucene classic syntax) with the content analysis. The default field is {@value #TEXT}, the
 * post's analysed text; {@code marker:NAME} names a {@link Markers} pattern. A whitespace-free chunk that analyses to
 * several words (a hashtag such as {@code #VolksverräterRaus}) becomes a phrase. The default operator is OR.
 */
public final class QueryCompiler {
    /** The field holding a post's analysed text. */
    public static final String TEXT = "text";

    private static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new ContentAnalyzer(),
            Map.of(Markers.FIELD, new WhitespaceAnalyzer()));

    private QueryCompiler() {
    }

    /** The analyzer for post documents and queries: content analysis for {@value #TEXT}, whitespace for markers. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** Parses one query; the message of the exception names the problem. */
    public static Query parse(String query) throws ParseException {
        QueryParser p = new QueryParser(TEXT, ANALYZER);
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        p.setAllowLeadingWildcard(false);
        Query q = p.parse(query);
        if (q == null || q instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new ParseException("the query has no searchable word after analysis");
        }
        return q;
    }

    /** {@code main} with each exception as a {@code MUST_NOT} clause. */
    public static Query withExceptions(Query main, List<Query> exceptions) {
        if (exceptions.isEmpty()) {
            return main;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST);
        exceptions.forEach(e -> b.add(e, BooleanClause.Occur.MUST_NOT));
        return b.build();
    }
}
