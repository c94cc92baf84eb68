package de.wachposten.approval;

import de.wachposten.text.HtmlText;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Approved and posted text as the same plain text before they are compared: HTML tags removed and entities decoded,
 * Unicode NFC, emoji variation selectors and soft hyphens dropped, white space collapsed. Platforms change text in
 * these ways (Mastodon sends HTML, clients add or drop white space), so an approval must survive them. Case is kept
 * (link paths are case-sensitive); {@link MatchText} folds the words.
 */
public final class PlainText {
    private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");
    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|p)\\b[^>]{0,200}>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u200B\\u2007\\u202F]+");

    private static final Pattern INVISIBLE = Pattern.compile("[\\uFE0E\\uFE0F\\u00AD\\u200C\\u2060]");

    private PlainText() {}

    /** The plain text of {@code text}; null becomes the empty string. */
    public static String of(String text) {
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
