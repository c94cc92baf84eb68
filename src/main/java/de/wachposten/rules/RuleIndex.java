package de.wachposten.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The rule queries split and indexed as a Lucene Monitor does it, held in hash tables instead of a query index. Each
 * query is split into its disjuncts ({@link QueryDecomposer}); each disjunct is indexed under the terms the Monitor's
 * {@link TermFilteredPresearcher} extracts from it, one of which a post must contain for the disjunct to match it (a
 * disjunct without such terms, a prefix query for instance, is indexed under the presearcher's match-anything term).
 * For a post, the terms of its index look up the candidate disjuncts directly: the same candidates the Monitor would
 * pick, without searching a query index for them, which cost more than running the candidates. Immutable.
 */
final class RuleIndex {
    private static final IndexSearcher NO_INDEX = new MemoryIndex().createSearcher();
    private final Query[] disjuncts;
    /** Per disjunct with exceptions, its query without them, else null: most candidates fail already there. */
    private final Query[] positives;
    /** Per disjunct, whether its queries are rewritten already (see {@link #rewritesAlike}). */
    private final boolean[] rewritten;
    private final String[] owners;
    private final Map<String, Table> fields;
    private final int[] always;

    /** Indexes the queries; {@code queries} maps each rule id to its query, in load order. */
    RuleIndex(Map<String, Query> queries) {
        QueryDecomposer decomposer = new QueryDecomposer();
        Presearcher presearcher = new TermFilteredPresearcher();
        Map<String, Map<BytesRef, List<Integer>>> collected = new HashMap<>();
        List<Query> parts = new ArrayList<>();
        List<Query> positive = new ArrayList<>();
        List<Boolean> done = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        queries.forEach((id, query) -> {
            // The decomposer's order is the Monitor's order too: the highlights of a rule's disjuncts merge in it.
            for (Query part : decomposer.decompose(query)) {
                int n = parts.size();
                boolean alike = rewritesAlike(part);
                Query main = withoutExceptions(part);
                parts.add(alike ? rewrite(part) : part);
                positive.add(main == null || !alike ? main : rewrite(main));
                done.add(alike);
                ids.add(id);
                forEachTerm(presearcher.indexQuery(part, Map.of()), (field, term) -> collected
                        .computeIfAbsent(field, f -> new HashMap<>())
                        .computeIfAbsent(BytesRef.deepCopyOf(term), t -> new ArrayList<>()).add(n));
            }
        });
        this.disjuncts = parts.toArray(Query[]::new);
        this.positives = positive.toArray(Query[]::new);
        this.rewritten = new boolean[done.size()];
        for (int i = 0; i < rewritten.length; i++) {
            rewritten[i] = done.get(i);
        }
        this.owners = ids.toArray(String[]::new);
        List<Integer> any = new ArrayList<>();
        forEachTerm(presearcher.indexQuery(new MatchAllDocsQuery(), Map.of()), (field, term) ->
                any.addAll(collected.getOrDefault(field, Map.of()).getOrDefault(term, List.of())));
        this.always = any.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.fields = new HashMap<>();
        collected.forEach((field, terms) -> fields.put(field, new Table(terms)));
    }

    /** The rule id of disjunct {@code i}. */
    String owner(int i) {
        return owners[i];
    }

    /**
     * The matches of disjunct {@code i} in {@code post}, a one-document index, or null when it does not match. A
     * disjunct with exceptions is first tried without them, which is cheaper and mostly enough to rule it out.
     */
    Matches matches(int i, IndexSearcher post) throws IOException {
        LeafReaderContext doc = post.getIndexReader().leaves().get(0);
        if (positives[i] != null && weight(positives[i], i, post).matches(doc, 0) == null) {
            return null;
        }
        return weight(disjuncts[i], i, post).matches(doc, 0);
    }

    private Weight weight(Query q, int i, IndexSearcher post) throws IOException {
        return post.createWeight(rewritten[i] ? q : post.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1);
    }

    /** {@code part} without its prohibited clauses, or null when it has none. */
    private static Query withoutExceptions(Query part) {
        if (!(part instanceof BooleanQuery b) || b.getClauses(BooleanClause.Occur.MUST_NOT).isEmpty()) {
            return null;
        }
        BooleanQuery.Builder main = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        b.clauses().stream().filter(c -> !c.isProhibited()).forEach(main::add);
        return main.build();
    }

    /**
     * The disjuncts that can match the post indexed in {@code post}, as set bits; ascending order is rule by rule, each
     * rule's disjuncts in decomposition order.
     */
    BitSet candidates(LeafReader post) throws IOException {
        BitSet out = new BitSet(disjuncts.length);
        for (int d : always) {
            out.set(d);
        }
        for (Map.Entry<String, Table> f : fields.entrySet()) {
            Terms terms = post.terms(f.getKey());
            if (terms != null) {
                f.getValue().select(terms.iterator(), out);
            }
        }
        return out;
    }

    /**
     * {@code query} rewritten once and for all, as far as the rewriting does not depend on the index: a post's matching
     * rewrites it again, but a query rewritten already comes back as it is at once.
     */
    private static Query rewrite(Query query) {
        try {
            return NO_INDEX.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite a rule query", e);
        }
    }

    /**
     * True when rewriting {@code query} gives the same for every index: its parts are boolean, term, synonym and
     * phrase queries, match-all or match-none, and term-expanding queries (prefix, wildcard, range) that collect their
     * terms only when they run. A fuzzy query, whose rewriting picks terms from the index, and any other kind make it
     * false.
     */
    static boolean rewritesAlike(Query query) {
        boolean[] alike = {true};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                if (!(q instanceof MultiTermQuery m && (m.getRewriteMethod() == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                        || m.getRewriteMethod() == MultiTermQuery.CONSTANT_SCORE_REWRITE))) {
                    alike[0] = false;
                }
            }

            @Override
            public void visitLeaf(Query q) {
                if (!(q instanceof MatchAllDocsQuery || q instanceof MatchNoDocsQuery)) {
                    alike[0] = false;
                }
            }
        });
        return alike[0];
    }

    private interface TermConsumer {
        void accept(String field, BytesRef term);
    }

    /** The terms of a document the presearcher made of a query, field by field. */
    private static void forEachTerm(Document doc, TermConsumer consumer) {
        for (IndexableField f : doc) {
            try (TokenStream ts = f.tokenStream(null, null)) {
                TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    consumer.accept(f.name(), term.getBytesRef());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the terms of a rule query", e);
            }
        }
    }

    /** The terms of one field and, for each, the disjuncts indexed under it. */
    private static final class Table {
        private final BytesRefHash terms = new BytesRefHash();
        private final int[][] postings;

        Table(Map<BytesRef, List<Integer>> collected) {
            postings = new int[collected.size()][];
            collected.forEach((term, ds) -> postings[terms.add(term)] = ds.stream().mapToInt(Integer::intValue)
                    .toArray());
        }

        void select(TermsEnum post, BitSet out) throws IOException {
            for (BytesRef t = post.next(); t != null; t = post.next()) {
                int ord = terms.find(t);
                if (ord >= 0) {
                    for (int d : postings[ord]) {
                        out.set(d);
                    }
                }
            }
        }
    }
}
