package de.wachposten.rules;

import de.wachposten.rules.analysis.AnalysedText;
import de.wachposten.rules.classifier.OffensiveModel;
import de.wachposten.rules.analysis.Markers;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * An immutable, loaded set of rules behind a Lucene {@link Monitor}: the rule queries are indexed once, and for each
 * post a presearcher (terms of the post against the terms of the queries) picks the few rules that can match; only
 * those run. A ruleset may carry the trained offensive-language classifier of its rules directory, so rules and model
 * are swapped together on reload. Thread-safe; {@link #close} when it is no longer used.
 */
public final class Ruleset implements Closeable {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Monitor monitor;
    private final OffensiveModel classifier;

    private Ruleset(List<Rule> rules, OffensiveModel classifier) throws IOException {
        this.classifier = classifier;
        this.monitor = new Monitor(QueryCompiler.analyzer(), new TermFilteredPresearcher());
        List<MonitorQuery> queries = new ArrayList<>(rules.size());
        for (Rule r : rules) {
            this.rules.put(r.id(), r);
            queries.add(new MonitorQuery(r.id(), r.query()));
        }
        monitor.register(queries);
    }

    /** A ruleset of {@code rules} (ids must be unique) without a classifier. */
    public static Ruleset of(List<Rule> rules) {
        return of(rules, null);
    }

    /** A ruleset of {@code rules} (ids must be unique) and {@code classifier} (null for none). */
    public static Ruleset of(List<Rule> rules, OffensiveModel classifier) {
        try {
            return new Ruleset(rules, classifier);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the ruleset", e);
        }
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
        Document doc = new Document();
        doc.add(new Field(QueryCompiler.TEXT, text.tokenStream(), TextField.TYPE_NOT_STORED));
        doc.add(new TextField(Markers.FIELD, markers, Field.Store.NO));
        MatchingQueries<HighlightsMatch> m;
        try {
            m = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match the post against the ruleset", e);
        }
        if (m.getMatchCount() == 0) {
            return List.of();
        }
        String deobfuscated = text.deobfuscated();
        List<RuleMatch> out = new ArrayList<>();
        for (HighlightsMatch hm : m.getMatches()) {
            out.add(new RuleMatch(rules.get(hm.getQueryId()), terms(hm, deobfuscated, markers)));
        }
        out.sort(Comparator.comparing((RuleMatch r) -> r.rule().severity()).reversed()
                .thenComparing(r -> r.rule().id()));
        return out;
    }

    private static List<String> terms(HighlightsMatch hm, String deobfuscated, String markers) {
        Set<String> out = new LinkedHashSet<>();
        addHits(out, hm.getHits(QueryCompiler.TEXT), deobfuscated, "");
        addHits(out, hm.getHits(Markers.FIELD), markers, Markers.FIELD + ":");
        return List.copyOf(out);
    }

    private static void addHits(Set<String> out, Collection<HighlightsMatch.Hit> hits, String source, String prefix) {
        hits.stream().sorted().forEach(h -> {
            if (h.startOffset() >= 0 && h.endOffset() <= source.length() && h.startOffset() < h.endOffset()) {
                out.add(prefix + source.substring(h.startOffset(), h.endOffset()));
            }
        });
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the ruleset", e);
        }
    }
}
