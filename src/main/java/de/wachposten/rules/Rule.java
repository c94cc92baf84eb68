package de.wachposten.rules;

import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;

/**
 * One content rule, loaded and validated from a YAML file under {@code rules/}.
 *
 * @param id             stable id, unique in the ruleset; appears in alerts
 * @param title          what the rule catches, for a press officer
 * @param status         maturity: {@code stable}, {@code test} or {@code experimental}
 * @param category       one of {@link RuleLoader#CATEGORIES}
 * @param severity       severity of the finding a match raises
 * @param languages      language codes the rule is written for (informative; all rules see every post)
 * @param queryText      the Lucene classic query as written
 * @param query          the parsed query including its exceptions as {@code MUST_NOT} clauses
 * @param exceptions     exception queries as written
 * @param falsePositives known false positives, as prose
 * @param match          examples that must match, with their lines
 * @param noMatch        examples that must not match, with their lines
 * @param file           the file the rule came from
 * @param line           the line where the rule starts
 */
public record Rule(String id, String title, String status, String category, Severity severity, List<String> languages,
                   String queryText, Query query, List<String> exceptions, List<String> falsePositives,
                   List<Example> match, List<Example> noMatch, Path file, int line) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        languages = List.copyOf(languages);
        exceptions = List.copyOf(exceptions);
        falsePositives = List.copyOf(falsePositives);
        match = List.copyOf(match);
        noMatch = List.copyOf(noMatch);
    }

    /** An example text and the line it is written on. */
    public record Example(String text, int line) {
    }
}
