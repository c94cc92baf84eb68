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
        return upperBound(approved, post, WordCounts.of(post.bag()));
    }

    /** {@link #upperBound(MatchText, MatchText)} with the post's word counts computed once for many approvals. */
    static double upperBound(MatchText approved, MatchText post, WordCounts postCounts) {
        int common = postCounts.common(approved.bag());
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


    /** The post's words as an open-addressing table of hash code → count, small enough to stay in cache. */
    static final class WordCounts {
        private final int[] keys;
        private final int[] counts;
        private final int mask;

        private WordCounts(int size) {
            int cap = Integer.highestOneBit(Math.max(4, size * 4) - 1) << 1;
            keys = new int[cap];
            counts = new int[cap];
            mask = cap - 1;
        }

        static WordCounts of(int[] sortedHashes) {
            WordCounts w = new WordCounts(sortedHashes.length);
            for (int h : sortedHashes) {
                w.counts[w.slot(h)]++;
            }
            return w;
        }

        private int slot(int h) {
            int i = (h * 0x9E3779B9) >>> 7 & mask;
            while (counts[i] != 0 && keys[i] != h) {
                i = (i + 1) & mask;
            }
            keys[i] = h;
            return i;
        }

        /** Size of the multiset intersection with {@code sortedHashes}. */
        int common(int[] sortedHashes) {
            int n = 0;
            int i = 0;
            while (i < sortedHashes.length) {
                int h = sortedHashes[i];
                int run = 1;
                while (i + run < sortedHashes.length && sortedHashes[i + run] == h) {
                    run++;
                }
                int c = count(h);
                n += Math.min(c, run);
                i += run;
            }
            return n;
        }

        private int count(int h) {
            int i = (h * 0x9E3779B9) >>> 7 & mask;
            while (counts[i] != 0) {
                if (keys[i] == h) {
                    return counts[i];
                }
                i = (i + 1) & mask;
            }
            return 0;
        }
    }
}
