package de.wachposten.platform.mastodon;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders Mastodon ids. Ids are strings that are usually decimal numbers larger than a {@code long} may hold in the
 * future; numeric ids compare as unsigned numbers, anything else in string order.
 */
final class MastodonIds {

    /** Ascending id order. */
    static final Comparator<String> ORDER = MastodonIds::compare;

    private MastodonIds() {}

    static int compare(String a, String b) {
        if (isNumeric(a) && isNumeric(b)) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return a.compareTo(b);
    }

    /** The larger of two ids; a null id counts as smaller than any id. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(a, b) >= 0 ? a : b;
    }

    static boolean isNumeric(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
