package de.wachposten.rules;

import java.util.Locale;

/**
 * Prints one split of the GermEval tweets ({@link GermEvalEvaluation#lines(GermEvalEvaluation.Split)}) as
 * {@code label <TAB> text}, line breaks as spaces: a tool for rule writers, who read the tuning split only.
 * {@code SplitDump tune|held_out}.
 */
public final class SplitDump {
    private SplitDump() {
    }

    public static void main(String[] args) throws Exception {
        GermEvalEvaluation.Split split = GermEvalEvaluation.Split.valueOf(args[0].toUpperCase(Locale.ROOT));
        for (String[] t : GermEvalEvaluation.lines(split)) {
            System.out.println(t[1] + "\t" + t[0].replace('\n', ' '));
        }
    }
}
