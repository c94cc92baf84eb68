package de.wachposten.approval;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the HTML character references that platforms put into post text. */
public final class HtmlEntities {
    private static final Pattern REF = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("hellip", "…"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("bdquo", "„"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("euro", "€"),
            Map.entry("shy", "\u00AD"), Map.entry("copy", "©"), Map.entry("reg", "®"));

    private HtmlEntities() {}

    /** Replaces numeric and common named references; unknown names stay as they are. */
    public static String decode(String s) {
        Matcher m = REF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String ref = m.group(1);
            String rep;
            if (ref.charAt(0) == '#') {
                int cp = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                rep = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
            } else {
                rep = NAMED.getOrDefault(ref, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
