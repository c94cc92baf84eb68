package de.wachposten.rules;

import de.wachposten.rules.analysis.AnalysedText;
import de.wachposten.rules.classifier.OffensiveModel;
import de.wachposten.rules.analysis.Markers;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;

/**
 * An immutable, loaded set of rules, matched the way a Lucene Monitor matches its queries: the rule queries are split
 * and indexed once ({@link RuleIndex}); for each post, the terms of the post pick the few rule disjuncts that can
 * match, and only those run against the post's {@link MemoryIndex}, their Lucene {@link Matches} giving the matched
 * words ({@link RuleHits}). A ruleset may carry the trained offensive-language classifier of its rules directory, so
 * rules and model are swapped together on reload. Thread-safe.
 */
public final class Ruleset implements Closeable {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final RuleIndex index;
    private final OffensiveModel classifier;

    private Ruleset(List<Rule> rules, OffensiveModel classifier) {
        this.classifier = classifier;
        Map<String, Query> queries = new LinkedHashMap<>();
        for (Rule r : rules) {
            this.rules.put(r.id(), r);
            queries.put(r.id(), r.query());
        }
        this.index = new RuleIndex(queries);
    }

    /** A ruleset of {@code rules} (ids must be unique) without a classifier. */
    public static Ruleset of(List<Rule> rules) {
        return of(rules, null);
    }

    /** A ruleset of {@code rules} (ids must be unique) and {@code classifier} (null for none). */
    public static Ruleset of(List<Rule> rules, OffensiveModel classifier) {
        return new Ruleset(rules, classifier);
    }

    /** An empty ruleset. */
    public static Ruleset empty() {
        return of(List.of());
    }

    /** The rules, in load order. */
    public Collection<Rule> rules() {
        return rules.values();
    }

    public int size() {
        return rules.size();
    }

    /** The offensive-language classifier, or null when the rules directory has no model. */
    public OffensiveModel classifier() {
        return classifier;
    }

    /** The Lucene document a post's text becomes: analysed text plus the marker words. */
    public static Document document(String text) {
        return document(text, Markers.find(text));
    }

    private static Document document(String text, String markers) {
        Document doc = new Document();
        doc.add(new TextField(QueryCompiler.TEXT, text, Field.Store.NO));
        doc.add(new TextField(Markers.FIELD, markers, Field.Store.NO));
        return doc;
    }

    /** Every rule matching {@code text}, most severe first, each with its matched words. */
    public List<RuleMatch> match(String text) {
        return rules.isEmpty() ? List.of() : match(AnalysedText.of(text));
    }

    /**
     * Every rule matching the analysed text, most severe first, each with its matched words. The rules see the
     * text's tokens as they are; nothing is analysed again.
     */
    public List<RuleMatch> match(AnalysedText text) {
        if (rules.isEmpty()) {
            return List.of();
        }
        String markers = text.markers();
        Map<String, RuleHits> found;
        try {
            found = hits(text.tokenStream(), markers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match the post against the ruleset", e);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        String deobfuscated = text.deobfuscated();
        List<RuleMatch> out = new ArrayList<>();
        found.forEach((id, hits) -> out.add(new RuleMatch(rules.get(id), terms(hits, deobfuscated, markers))));
        out.sort(Comparator.comparing((RuleMatch r) -> r.rule().severity()).reversed()
                .thenComparing(r -> r.rule().id()));
        return out;
    }

    /**
     * The hits of each matching rule, found as a Lucene Monitor finds them: the post becomes a one-document index,
     * each candidate disjunct runs against it, and the hits of a rule's matching disjuncts merge. A disjunct that fails
     * on the post (too many expansions, for instance) does not match it.
     */
    private Map<String, RuleHits> hits(TokenStream tokens, String markers) throws IOException {
        MemoryIndex post = new MemoryIndex(true, false);
        post.addField(new Field(QueryCompiler.TEXT, tokens, TextField.TYPE_NOT_STORED), QueryCompiler.analyzer());
        post.addField(new TextField(Markers.FIELD, markers, Field.Store.NO), QueryCompiler.analyzer());
        post.freeze();
        IndexSearcher searcher = post.createSearcher();
        searcher.setQueryCache(null);
        BitSet candidates = index.candidates((LeafReader) searcher.getIndexReader());
        Map<String, RuleHits> found = new HashMap<>();
        for (int d = candidates.nextSetBit(0); d >= 0; d = candidates.nextSetBit(d + 1)) {
            Matches m;
            try {
                m = index.matches(d, searcher);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (m != null) {
                found.merge(index.owner(d), new RuleHits(m), (earlier, later) -> later.after(earlier));
            }
        }
        return found;
    }

    private static List<String> terms(RuleHits hits, String deobfuscated, String markers) {
        Set<String> out = new LinkedHashSet<>();
        addHits(out, hits.in(QueryCompiler.TEXT), deobfuscated, "");
        addHits(out, hits.in(Markers.FIELD), markers, Markers.FIELD + ":");
        return List.copyOf(out);
    }

    private static void addHits(Set<String> out, Collection<RuleHits.Hit> hits, String source, String prefix) {
        for (RuleHits.Hit h : hits) {
            if (h.startOffset() >= 0 && h.endOffset() <= source.length() && h.startOffset() < h.endOffset()) {
                out.add(prefix + source.substring(h.startOffset(), h.endOffset()));
            }
        }
    }

    /** Nothing to release: the ruleset holds only heap structures. */
    @Override
    public void close() {
    }
}
