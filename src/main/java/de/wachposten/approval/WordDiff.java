package de.wachposten.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word diff between an approved and a posted text, and the differences that no similarity may hide: a number or
 * date changed, added or removed; a negation added or removed; a word added or replaced by a different word (an
 * insult slipped in). What a near match may differ in: words left out, and spelling variants of a word.
 *
 * <p>The rendering follows {@code git diff --word-diff}: {@code [-approved-]{+posted+}}.
 */
public final class WordDiff {
    private static final Pattern NUMBER = Pattern.compile(".*\\p{Nd}.*");
    private static final Set<String> NEGATIONS = Set.of("nicht", "kein", "keine", "keinen", "keinem", "keiner",
            "keines", "nie", "niemals", "nichts", "ohne", "weder", "not", "no", "never", "none", "nobody",
            "nothing", "without", "neither", "nor", "cannot", "won't", "don't", "isn't", "aren't", "wasn't");
    /** Below this character similarity two words are different words, not spellings of one. */
    static final double SPELLING = 0.75;

    /** One change: approved words replaced by posted words (either side may be empty). */
    record Hunk(List<String> approved, List<String> posted) {}

    private WordDiff() {}

    /** True for words whose change always matters: numbers and dates, negations. */
    public static boolean significant(String word) {
        return NUMBER.matcher(word).matches() || NEGATIONS.contains(word.toLowerCase(Locale.ROOT))
                || word.endsWith("n't");
    }

    /** The word diff, e.g. {@code die schulen bleiben {+nicht+} geöffnet}. */
    public static String render(List<String> approved, List<String> posted) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts(approved, posted)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (part instanceof Hunk h) {
                if (!h.approved().isEmpty()) {
                    out.append("[-").append(String.join(" ", h.approved())).append("-]");
                }
                if (!h.posted().isEmpty()) {
                    out.append("{+").append(String.join(" ", h.posted())).append("+}");
                }
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /**
     * One piece of a word diff for display: words both texts share, or words only the earlier ({@code REMOVED}) or
     * only the later ({@code ADDED}) text has.
     */
    public record Piece(String words, Change change) {
        /** What happened to the words of a piece. */
        public enum Change { SAME, REMOVED, ADDED }
    }

    /** The word diff from {@code before} to {@code after} as pieces, in reading order. */
    public static List<Piece> pieces(List<String> before, List<String> after) {
        List<Piece> out = new ArrayList<>();
        for (Object part : parts(before, after)) {
            if (part instanceof Hunk h) {
                if (!h.approved().isEmpty()) {
                    out.add(new Piece(String.join(" ", h.approved()), Piece.Change.REMOVED));
                }
                if (!h.posted().isEmpty()) {
                    out.add(new Piece(String.join(" ", h.posted()), Piece.Change.ADDED));
                }
            } else {
                out.add(new Piece((String) part, Piece.Change.SAME));
            }
        }
        return out;
    }

    /** Why the difference cannot be tolerated, or null when it can (words dropped, spellings changed). */
    public static String veto(List<String> approved, List<String> posted) {
        for (Object part : parts(approved, posted)) {
            if (part instanceof Hunk h) {
                String why = veto(h);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    private static String veto(Hunk h) {
        for (String w : h.approved()) {
            if (significant(w)) {
                return "'" + w + "' changed or missing";
            }
        }
        for (int i = 0; i < h.posted().size(); i++) {
            String w = h.posted().get(i);
            if (significant(w)) {
                return "'" + w + "' added";
            }
            if (i >= h.approved().size()) {
                return "'" + w + "' added";
            }
            if (Similarity.chars(h.approved().get(i), w) < SPELLING) {
                return "'" + h.approved().get(i) + "' replaced by '" + w + "'";
            }
        }
        return null;
    }

    /** The diff as a list of equal words (String) and changes (Hunk), via the longest common subsequence. */
    static List<Object> parts(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Object> out = new ArrayList<>();
        List<String> del = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                flush(out, del, ins);
                out.add(a.get(i));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ins.add(b.get(j++));
            } else {
                del.add(a.get(i++));
            }
        }
        flush(out, del, ins);
        return out;
    }

    private static void flush(List<Object> out, List<String> del, List<String> ins) {
        if (!del.isEmpty() || !ins.isEmpty()) {
            out.add(new Hunk(List.copyOf(del), List.copyOf(ins)));
            del.clear();
            ins.clear();
        }
    }
}
