package de.wachposten.approval;

import de.wachposten.text.HtmlText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings approved and posted text to one form before they are compared: HTML tags removed and entities decoded,
 * Unicode NFC, white space collapsed, case folded. Platforms change text in these ways (Mastodon sends HTML, clients
 * add or drop white space), so an approval must survive them.
 */
public final class TextNormaliser {
    private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|p)\\b[^>]{0,200}>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u200B\\u2007\\u202F]+");

    private static final Pattern INVISIBLE = Pattern.compile("[\\uFE0E\\uFE0F\\u00AD\\u200C\\u2060]");

    private TextNormaliser() {}

    /** The normal form of {@code text}; null becomes the empty string. */
    public static String normalise(String text) {
        return plain(text).toLowerCase(Locale.ROOT);
    }

    /**
     * The normal form without case folding (link paths are case-sensitive): tags removed, entities decoded, NFC,
     * emoji variation selectors and soft hyphens dropped, white space collapsed.
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        if (s.indexOf('<') >= 0) {
            s = BREAK.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = HtmlText.decodeEntities(s);
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }
}
