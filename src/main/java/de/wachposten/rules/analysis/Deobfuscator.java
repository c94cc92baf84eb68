package de.wachposten.rules.analysis;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string-level half of the content analysis: undoes the usual ways of hiding a word before the text is tokenised.
 *
 * <ul>
 *   <li>Unicode NFKC (full-width letters, ligatures), invisible characters (zero-width space, soft hyphen) and control
 *       characters removed;</li>
 *   <li>{@code @handles} removed (addressing someone is not content), URLs removed (links are checked elsewhere);</li>
 *   <li>gender forms keep their word: {@code Mitarbeiter*innen}, {@code :innen}, {@code _innen}, {@code /-innen},
 *       {@code MitarbeiterInnen} all become {@code Mitarbeiter};</li>
 *   <li>letters spelled out with separators are joined: {@code N.a.z.i}, {@code N-a-z-i}, {@code N a z i};</li>
 *   <li>{@code *} and {@code _} inside a word are dropped: {@code Sch*eiße};</li>
 *   <li>leetspeak inside words that are mostly letters: 4→a 3→e 1→i 0→o 5→s 7→t $→s @→a (plain numbers such as
 *       {@code 88} or {@code 2016} stay numbers);</li>
 *   <li>CamelCase and hashtags are split: {@code #VolksverräterRaus} becomes {@code #Volksverräter Raus}.</li>
 * </ul>
 *
 * Offsets of the analysed tokens refer to the deobfuscated string, so highlights are cut from
 * {@link #deobfuscate}'s result. Thread-safe and stateless.
 */
public final class Deobfuscator {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_]+");
    private static final Pattern GENDER = Pattern.compile("(?<=\\p{Ll})(?:[*:_/·]-?[iI]n(?:nen)?|In(?:nen)?)(?![\\p{L}])");
    private static final Pattern SPELLED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{L}([.\\-*_ ·])\\p{L}(?:\\1\\p{L}){2,}(?![\\p{L}\\p{N}])");
    private static final Pattern INNER_MASK = Pattern.compile("(?<=[\\p{L}\\d$@])[*_]+(?=[\\p{L}\\d$@])");
    private static final Pattern LEET_WORD = Pattern.compile("[\\p{L}\\d$@]*\\p{L}[\\p{L}\\d$@]*");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu}\\p{Ll})");

    private Deobfuscator() {
    }

    /** {@code text} with the hiding undone; never throws, also for binary junk and unpaired surrogates. */
    public static String deobfuscate(String text) {
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        if (s.contains("http") || s.contains("www.") || s.contains("HTTP") || s.contains("WWW.")) {
            s = URL.matcher(s).replaceAll(" ");
        }
        boolean at = s.indexOf('@') >= 0;
        if (at) {
            s = MENTION.matcher(s).replaceAll(" ");
        }
        if (s.contains("in") || s.contains("In")) {
            s = GENDER.matcher(s).replaceAll("");
        }
        s = joinSpelled(s);
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            s = INNER_MASK.matcher(s).replaceAll("");
        }
        if (at || hasLeetChar(s)) {
            s = unLeet(s);
        }
        return CAMEL.matcher(s).replaceAll(" ");
    }

    private static boolean hasLeetChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' || c == '@' || c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7') {
                return true;
            }
        }
        return false;
    }

    private static String joinSpelled(String s) {
        Matcher m = SPELLED.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            String sep = Pattern.quote(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll(sep, "")));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String unLeet(String s) {
        Matcher m = LEET_WORD.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(unLeetWord(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unLeetWord(String w) {
        int letters = 0;
        int leet = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if ("4310$@57".indexOf(c) >= 0) {
                leet++;
            } else {
                return w;
            }
        }
        if (leet == 0 || letters < 2 || letters < leet) {
            return w;
        }
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(switch (c) {
                case '4', '@' -> 'a';
                case '3' -> 'e';
                case '1' -> 'i';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return b.toString();
    }
}
