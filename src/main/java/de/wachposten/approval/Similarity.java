package de.wachposten.approval;

import java.util.List;

/**
 * Word-level similarity of two texts: {@code 1 - d / max(n, m)}, where {@code d} is the Levenshtein distance over
 * words (insert, delete, replace a word each cost 1) and {@code n}, {@code m} the word counts. 1.0 means the same
 * words in the same order; one word changed in a ten-word text gives 0.9. A truncated post is compared with the
 * approved text cut to the post's length, the last (cut) word counting as equal when it is the start of the
 * approved word.
 */
public final class Similarity {
    private Similarity() {}

    /** The similarity of {@code post} to {@code approved}, in [0, 1]. */
    public static double of(MatchText approved, MatchText post) {
        List<String> a = comparable(approved, post);
        List<String> p = post.words();
        int max = Math.max(a.size(), p.size());
        if (max == 0) {
            return 1.0;
        }
        return 1.0 - (double) distance(a, p) / max;
    }

    /** An upper bound of {@link #of} from the word multisets alone; cheap, so most candidates are skipped. */
    public static double upperBound(MatchText approved, MatchText post) {
        int common = common(approved.bag(), post.bag());
        int max = post.truncated() ? post.words().size() : Math.max(approved.words().size(), post.words().size());
        return max == 0 ? 1.0 : Math.min(1.0, (double) common / max);
    }

    /**
     * The approved words the post is compared with: all of them, or for a truncated post the first ones, the cut last
     * word completed from the approval.
     */
    static List<String> comparable(MatchText approved, MatchText post) {
        List<String> a = approved.words();
        if (!post.truncated() || post.words().size() > a.size()) {
            return a;
        }
        int n = post.words().size();
        List<String> cut = new java.util.ArrayList<>(a.subList(0, n));
        if (n > 0) {
            String last = post.words().get(n - 1);
            if (!cut.get(n - 1).equals(last) && cut.get(n - 1).startsWith(last)) {
                cut.set(n - 1, last);
            }
        }
        return cut;
    }

    /** Levenshtein distance of two word lists. */
    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            String ai = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (ai.equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** Character-level similarity of two words, for telling a spelling variant from a different word. */
    static double chars(String a, String b) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) {
            return 1.0;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / max;
    }

    private static int common(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }
}
