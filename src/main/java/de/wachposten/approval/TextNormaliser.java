package de.wachposten.approval;

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

    private TextNormaliser() {}

    /** The normal form of {@code text}; null becomes the empty string. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        if (s.indexOf('<') >= 0) {
            s = BREAK.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = HtmlEntities.decode(s);
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return s.toLowerCase(Locale.ROOT);
    }
}
