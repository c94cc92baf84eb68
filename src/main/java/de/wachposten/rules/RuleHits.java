package de.wachposten.rules;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;

/**
 * Where one rule matched one post, field by field, kept as Lucene Monitor's {@code HighlightsMatch} keeps them: one
 * hit per span of positions, ordered by span; of two hits of the same span (a word and its compound part) the one found
 * first stays, and when a rule's disjuncts both match, the later disjunct's hits come first.
 */
final class RuleHits {
    /** One hit: positions and offsets (into the text the field was indexed from). */
    record Hit(int startPosition, int endPosition, int startOffset, int endOffset) {
    }

    private static final Comparator<Hit> SPAN =
            Comparator.comparingInt(Hit::startPosition).thenComparingInt(Hit::endPosition);

    private final Map<String, NavigableSet<Hit>> fields = new TreeMap<>();

    /** The hits of one matching disjunct: each match, or each of its sub-matches (the words of a phrase). */
    RuleHits(Matches matches) throws IOException {
        for (String field : matches) {
            NavigableSet<Hit> hits = fields.computeIfAbsent(field, f -> new TreeSet<>(SPAN));
            MatchesIterator mi = matches.getMatches(field);
            while (mi.next()) {
                MatchesIterator sub = mi.getSubMatches();
                if (sub == null) {
                    hits.add(new Hit(mi.startPosition(), mi.endPosition(), mi.startOffset(), mi.endOffset()));
                } else {
                    while (sub.next()) {
                        hits.add(new Hit(sub.startPosition(), sub.endPosition(), sub.startOffset(), sub.endOffset()));
                    }
                }
            }
        }
    }

    /** These hits, then those of an {@code earlier} disjunct of the same rule where they add a span. */
    RuleHits after(RuleHits earlier) {
        earlier.fields.forEach((field, hits) -> fields.computeIfAbsent(field, f -> new TreeSet<>(SPAN)).addAll(hits));
        return this;
    }

    /** The hits in {@code field}, ordered by span. */
    Collection<Hit> in(String field) {
        NavigableSet<Hit> hits = fields.get(field);
        return hits == null ? List.of() : hits;
    }
}
