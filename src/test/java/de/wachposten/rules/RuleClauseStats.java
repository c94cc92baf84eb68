package de.wachposten.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * A tool for rule writers, not a test: for every alternative (top-level clause) of every offensive rule, how many
 * GermEval tweets it matches (with the rule's exceptions) in one split, OFFENSE and OTHER. Alternatives that match one
 * or two tweets of the whole file are the memorised phrases to look at.
 *
 * <p>{@code RuleClauseStats [RULES_DIR] [tune|held_out|all]} (default {@code rules tune}); prints
 * {@code rule <TAB> clause <TAB> offense <TAB> other}.
 */
public final class RuleClauseStats {
    private RuleClauseStats() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "rules");
        GermEvalEvaluation.Split split = GermEvalEvaluation.Split.valueOf(
                (args.length > 1 ? args[1] : "tune").toUpperCase(Locale.ROOT));
        List<String[]> tweets = GermEvalEvaluation.lines(split);
        List<MemoryIndex> docs = new ArrayList<>();
        for (String[] t : tweets) {
            docs.add(MemoryIndex.fromDocument(Ruleset.document(t[0]), QueryCompiler.analyzer()));
        }
        for (Rule r : RuleLoader.load(dir).rules()) {
            if (!GermEvalEvaluation.OFFENSIVE.contains(r.category())) {
                continue;
            }
            Query main = r.query();
            List<Query> exceptions = new ArrayList<>();
            if (r.query() instanceof BooleanQuery b && !r.exceptions().isEmpty()) {
                main = b.clauses().stream().filter(c -> c.occur() == BooleanClause.Occur.MUST).findFirst().orElseThrow().query();
                b.clauses().stream().filter(c -> c.occur() == BooleanClause.Occur.MUST_NOT).forEach(c -> exceptions.add(c.query()));
            }
            List<Query> alternatives = main instanceof BooleanQuery mb
                    && mb.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)
                    ? mb.clauses().stream().map(BooleanClause::query).toList() : List.of(main);
            for (Query alt : alternatives) {
                Query q = QueryCompiler.withExceptions(alt, exceptions);
                int off = 0;
                int other = 0;
                for (int i = 0; i < docs.size(); i++) {
                    if (docs.get(i).search(q) > 0) {
                        if (tweets.get(i)[1].equals("OFFENSE")) {
                            off++;
                        } else {
                            other++;
                        }
                    }
                }
                System.out.println(r.id() + "\t" + alt + "\t" + off + "\t" + other);
            }
        }
    }
}
