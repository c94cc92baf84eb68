package de.wachposten.rules.analysis;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pre-tokenised patterns: things that regular expressions and checksums find better than an analyzer. Each found
 * pattern adds one marker word to the post's {@value #FIELD} field, and rules name it like any term, e.g.
 * {@code query: "marker:iban"}. The markers never carry the matched value itself, so personal data found in a post
 * does not travel on into alerts.
 *
 * <table>
 *   <caption>markers</caption>
 *   <tr><td>{@code iban}</td><td>an IBAN whose mod-97 checksum is right, written without gaps or in groups of four
 *   separated by spaces (also no-break spaces)</td></tr>
 *   <tr><td>{@code email}</td><td>an e-mail address</td></tr>
 *   <tr><td>{@code phone_de}</td><td>a German phone number (+49, 0049 or a leading 0 area code, 9+ digits)</td></tr>
 *   <tr><td>{@code vs_nfd}</td><td>{@code VS-NfD}, {@code VS – Nur für den Dienstgebrauch}</td></tr>
 *   <tr><td>{@code vs_vertraulich}, {@code geheim}, {@code streng_geheim}</td><td>the classification markings in
 *   capitals or with {@code VS-}: {@code VS-VERTRAULICH}, {@code GEHEIM}, not the ordinary words</td></tr>
 *   <tr><td>{@code distancing}</td><td>the text reports, quotes, condemns or explains what it mentions: condemning
 *   ({@code verurteilen}, {@code distanzieren}), naming frames ({@code als … bezeichnet}, {@code beschimpft},
 *   {@code dargestellt}), framing nouns ({@code Behauptung}, {@code Vorurteil}, {@code Klischee}, {@code Parole},
 *   {@code Zitat}, {@code Propaganda}, {@code Ideologie}), prosecution and moderation ({@code Anzeige},
 *   {@code Volksverhetzung}, {@code Staatsschutz}, {@code ermittelt}, {@code gelöscht}), history education
 *   ({@code NS-Zeit}, {@code Nationalsozialisten}, {@code Gedenkstätte}, {@code Historiker}) and support
 *   ({@code keinen Platz}, {@code an der Seite}, {@code Beratungsstelle}). Offensive rules take it as an exception and
 *   the classifier stays silent on such texts (counter-speech and reports are not hate)</td></tr>
 * </table>
 */
public final class Markers {
    /** The field the marker words go to. */
    public static final String FIELD = "marker";
    /** The marker word of a text that reports, quotes, condemns or explains what it mentions. */
    public static final String DISTANCING = "distancing";

    /** What stands between the groups of a printed IBAN: a space, also a no-break or narrow no-break space (PDFs, HTML). */
    private static final String IBAN_GAP = "[ \\u00A0\\u202F]";
    private static final Pattern IBAN_GAPS = Pattern.compile(IBAN_GAP);
    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}(?:" + IBAN_GAP + "?[A-Z0-9]{4}){3,7}(?:"
            + IBAN_GAP + "?[A-Z0-9]{1,4})?)\\b");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+@-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}\\b");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+49|0049|0)[ \\-/()]{0,3}[1-9]\\d{1,4}(?:[ \\-/]{0,2}\\d{2,}){1,4}(?!\\d)");
    private static final Pattern NFD = Pattern.compile(
            "\\bVS\\s*[-–—]?\\s*(?:NfD|NFD)\\b|\\bVS\\s*[-–—]\\s*Nur\\s+für\\s+den\\s+Dienstgebrauch|"
                    + "\\bNUR\\s+FÜR\\s+DEN\\s+DIENSTGEBRAUCH\\b", Pattern.UNICODE_CASE);
    private static final Pattern VS_CONF = Pattern.compile("\\bVS\\s*[-–—]\\s*(?:VERTRAULICH|Vertraulich)\\b|\\bVERTRAULICH\\b");
    private static final Pattern STRENG = Pattern.compile("\\bSTRENG\\s+GEHEIM\\b");
    private static final Pattern GEHEIM = Pattern.compile("\\bVS\\s*[-–—]\\s*GEHEIM\\b|(?<!STRENG\\s)\\bGEHEIM\\b");

    private static final Pattern DISTANCING_WORDS = Pattern.compile("(?iuU)\\b(?:"
            + "verurteil\\w*|distanzier\\w*|widerleg\\w*"
            + "|als\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:bezeichn|beschimpf|darstell|dargestellt|diffamier|verunglimpf|entwürdig)\\w*"
            + "|bezeichnete[n]?|beschimpft(?:e[n]?)?|entwürdigte[n]?|nannte[n]?"
            + "|behauptung\\w*|vorurteil\\w*|klischee\\w*|legende|parole[n]?|zitat\\w*|schmiererei\\w*"
            + "|hetzschrift\\w*|\\w*propaganda|\\w*ideologie"
            + "|\\w*anzeige|angezeigt|volksverhetzung|staatsschutz|ermittel[nt]|gelöscht|gemeldet|sucht\\s+zeugen"
            + "|ns-zeit|nationalsozialist\\w*|gedenkstätte\\w*|historiker\\w*|unterrichtseinheit|ausstellung"
            + "|keinen\\s+platz|an\\s+(?:der|ihrer|eurer|unserer)\\s+seite|beratungsstelle\\w*|fachstelle\\w*"
            + "|(?:drohungen|hetze|angriffe?)\\s+(?:gegen|auf)"
            + ")\\b");
    /**
     * Every match of {@link #DISTANCING_WORDS} contains one of these words (in the pattern's case folding, see
     * {@link #caseFolded}): a text without any of them is not searched, which spares the pattern's costly scan of
     * every position in the many posts that distance themselves from nothing. An alternative added to the pattern
     * needs its word here; {@code DistancingTest} checks one example per alternative.
     */
    private static final List<String> DISTANCING_HINTS = List.of("verurteil", "distanzier", "widerleg", "bezeichn",
            "beschimpf", "darstell", "dargestellt", "diffamier", "verunglimpf", "entwürdig", "nannte", "behauptung",
            "vorurteil", "klischee", "legende", "parole", "zitat", "schmiererei", "hetzschrift", "propaganda",
            "ideologie", "anzeige", "angezeigt", "volksverhetzung", "staatsschutz", "ermittel", "gelöscht",
            "gemeldet", "zeugen", "ns-zeit", "nationalsozialist", "gedenkstätte", "historiker", "unterrichtseinheit",
            "ausstellung", "platz", "seite", "beratungsstelle", "fachstelle", "drohungen", "hetze", "angriff");

    private Markers() {
    }

    /** The marker words found in {@code text}, space-separated (empty when none). */
    public static String find(String text) {
        Set<String> found = new LinkedHashSet<>();
        boolean digits = hasDigit(text);
        boolean at = text.indexOf('@') >= 0;
        if (digits && ibanStart(text)) {
            Matcher m = IBAN.matcher(text);
            while (m.find()) {
                if (validIbanPrefix(m.group(1))) {
                    found.add("iban");
                }
            }
        }
        if (at) {
            add(found, EMAIL, text, "email");
        }
        if (digits) {
            String rest = at ? EMAIL.matcher(text).replaceAll(" ") : text;
            Matcher m = PHONE.matcher(ibanStart(rest) ? IBAN.matcher(rest).replaceAll(" ") : rest);
            while (m.find()) {
                long n = m.group().chars().filter(Character::isDigit).count();
                if (n >= 9 && n <= 15) {
                    found.add("phone_de");
                }
            }
        }
        if (text.contains("VS") || text.contains("NUR FÜR")) {
            add(found, NFD, text, "vs_nfd");
        }
        if (text.contains("VERTRAULICH") || text.contains("Vertraulich")) {
            add(found, VS_CONF, text, "vs_vertraulich");
        }
        if (distancing(text)) {
            found.add(DISTANCING);
        }
        if (text.contains("GEHEIM")) {
            add(found, STRENG, text, "streng_geheim");
            add(found, GEHEIM, text, "geheim");
        }
        return String.join(" ", found);
    }

    /** True when {@code text} reports, quotes, condemns or explains (the {@code distancing} marker). */
    public static boolean distancing(String text) {
        String folded = caseFolded(text);
        for (String hint : DISTANCING_HINTS) {
            if (folded.contains(hint)) {
                return patternFinds(text);
            }
        }
        return false;
    }

    /** The distancing pattern on its own, without the hint search. */
    static boolean patternFinds(String text) {
        return DISTANCING_WORDS.matcher(text).find();
    }

    /**
     * Every character as the pattern's Unicode case-insensitive matching compares it,
     * {@code toLowerCase(toUpperCase(c))} per code point: a lower-case literal matches the text, case-insensitively,
     * exactly where it is contained in this string.
     */
    static String caseFolded(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c)));
            i += Character.charCount(c);
        }
        return b.toString();
    }

    /** True when two capitals A–Z are followed by two digits, as every {@link #IBAN} begins. */
    private static boolean ibanStart(String s) {
        for (int i = 0; i + 3 < s.length(); i++) {
            if (isCapital(s.charAt(i)) && isCapital(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
                    && isDigit(s.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static void add(Set<String> found, Pattern p, String text, String marker) {
        if (p.matcher(text).find()) {
            found.add(marker);
        }
    }

    /**
     * True when the printed groups of {@code candidate}, or its first groups, form a valid IBAN: a capitalised word
     * after the IBAN ({@code … 3201 DANKE}) looks like one more group to the pattern.
     */
    static boolean validIbanPrefix(String candidate) {
        String[] groups = IBAN_GAPS.split(candidate);
        StringBuilder prefix = new StringBuilder(candidate.length());
        boolean valid = false;
        for (String g : groups) {
            prefix.append(g);
            valid |= prefix.length() >= 15 && validIban(prefix.toString());
        }
        return valid;
    }

    /** True when {@code iban} (spaces allowed) has a valid ISO 13616 mod-97 checksum. */
    static boolean validIban(String iban) {
        String s = IBAN_GAPS.matcher(iban).replaceAll("").toUpperCase(Locale.ROOT);
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        String r = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : r.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
