package de.wachposten.rules;

import java.util.List;

/**
 * One rule that matched a post.
 *
 * @param rule  the rule
 * @param terms the matched words as they stand in the (deobfuscated) post, or marker names, in text order, no repeats
 */
public record RuleMatch(Rule rule, List<String> terms) {
    public RuleMatch {
        terms = List.copyOf(terms);
    }
}
