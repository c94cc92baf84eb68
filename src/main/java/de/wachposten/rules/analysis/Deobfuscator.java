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
        if (hasInvisible(s)) {
            s = INVISIBLE.matcher(s).replaceAll("");
        }
        if (s.contains("http") || s.contains("www.") || s.contains("HTTP") || s.contains("WWW.")) {
            s = URL.matcher(s).replaceAll(" ");
        }
        boolean at = s.indexOf('@') >= 0;
        if (at) {
            s = MENTION.matcher(s).replaceAll(" ");
        }
        if (s.contains("In") || s.contains("in") && hasAny(s, "*:_/·")) {
            s = GENDER.matcher(s).replaceAll("");
        }
        if (maySpell(s)) {
            s = joinSpelled(s);
        }
        if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
            s = INNER_MASK.matcher(s).replaceAll("");
        }
        if (mayLeet(s)) {
            s = unLeet(s);
        }
        return hasCamelCase(s) ? CAMEL.matcher(s).replaceAll(" ") : s;
    }

    // The checks below are cheap necessary conditions of the patterns: a text failing one is left as the pattern
    // would leave it, without the pattern scanning every position of it.

    /** True when {@code s} has a character of {@link #INVISIBLE}. */
    private static boolean hasInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00AD' || c >= '\u200B' && c <= '\u200F' || c >= '\u2060' && c <= '\u2064' || c == '\uFEFF'
                    || Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a separator of {@link #SPELLED} recurs three times, each two or three characters after the last (one
     * letter, possibly a surrogate pair, between): every spelled-out word of four or more letters has that.
     */
    private static boolean maySpell(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (".-*_ ·".indexOf(c) >= 0 && recurs(s, i, c, 2)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code c}, standing at {@code i}, recurs {@code times} more times, each two or three characters on. */
    private static boolean recurs(String s, int i, char c, int times) {
        if (times == 0) {
            return true;
        }
        return i + 2 < s.length() && s.charAt(i + 2) == c && recurs(s, i + 2, c, times - 1)
                || i + 3 < s.length() && s.charAt(i + 3) == c && recurs(s, i + 3, c, times - 1);
    }

    /**
     * True when a run of letters, digits, {@code $} and {@code @} holds both a letter and a leetspeak character: only
     * such a word can change in {@link #unLeetWord} (a word with any other character, a surrogate included, stays).
     */
    private static boolean mayLeet(String s) {
        boolean letter = false;
        boolean leet = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if ("4310$@57".indexOf(c) >= 0) {
                leet = true;
            } else if (c < '0' || c > '9') {
                letter = false;
                leet = false;
                continue;
            }
            if (letter && leet) {
                return true;
            }
        }
        return false;
    }

    /** True when a lower-case letter is followed by an upper-case and a lower-case one, where {@link #CAMEL} splits. */
    private static boolean hasCamelCase(String s) {
        int before = -1;
        int last = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (before == Character.LOWERCASE_LETTER && last == Character.UPPERCASE_LETTER
                    && type == Character.LOWERCASE_LETTER) {
                return true;
            }
            before = last;
            last = type;
            i += Character.charCount(cp);
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
