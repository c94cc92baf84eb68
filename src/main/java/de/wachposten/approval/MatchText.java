package de.wachposten.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A text in the form matching compares: the words (of the {@link PlainText}, case folded, punctuation at
 * word edges dropped, emoji as words of their own), the link targets apart from the words ({@link Links#canonical}),
 * and whether the platform truncated the text ({@code …} at the end). Trailing hashtags and mentions are dropped,
 * because platforms and publishing tools append them.
 *
 * @param words     the words, in order
 * @param links     canonical link targets that must match (shortened ones replaced by the payload's targets)
 * @param prefixes  canonical prefixes of display-truncated links ({@code sms.sachsen.de/pm/12…})
 * @param unresolved number of shortened links whose target the payload does not reveal
 * @param truncated true when the text ends in an ellipsis (X cuts long texts)
 * @param key       the words and links joined: equal keys mean an exact match
 * @param bag       sorted hash codes of the words, for the cheap similarity bound
 * @param signature 64-bit set of word hash bits, for a cheaper estimate still
 */
public record MatchText(List<String> words, Set<String> links, List<String> prefixes, int unresolved,
                        boolean truncated, String key, int[] bag, long signature) {

    /** An approval's text. */
    public static MatchText approved(String text) {
        return of(text, List.of());
    }

    /**
     * A post's text with the link targets its platform payload states (expanded where the platform expands them).
     */
    public static MatchText of(String text, List<String> payloadLinks) {
        String plain = PlainText.of(text);
        List<String> textLinks = new ArrayList<>();
        Matcher m = Links.URL.matcher(plain);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            textLinks.add(m.group());
            rest.append(plain, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(plain, last, plain.length());
        String words = rest.toString().strip();
        boolean truncated = words.endsWith("…") || words.endsWith("...");
        Set<String> links = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        int shortened = 0;
        for (String l : textLinks) {
            if (Links.truncated(l)) {
                prefixes.add(Links.canonical(l.replaceAll("(…|\\.\\.\\.)$", "")));
            } else if (Links.shortened(l)) {
                shortened++;
            } else {
                addLink(links, Links.canonical(l));
            }
        }
        int expanded = 0;
        for (String l : payloadLinks) {
            String c = Links.canonical(l);
            if (!Links.shortened(l) && !links.contains(c)) {
                addLink(links, c);
                expanded++;
            }
        }
        prefixes.removeIf(p -> links.stream().anyMatch(l -> l.startsWith(p)));
        int unresolved = Math.max(0, shortened - expanded - prefixes.size());
        List<String> tokens = tokens(words);
        String key = String.join(" ", tokens) + " | " + String.join(" ", links);
        int[] bag = bag(tokens);
        long signature = 0;
        for (int h : bag) {
            signature |= 1L << ((h * 0x9E3779B9) >>> 26);
        }
        return new MatchText(List.copyOf(tokens), Set.copyOf(links), List.copyOf(prefixes), unresolved, truncated,
                key, bag, signature);
    }

    private static void addLink(Set<String> links, String canonical) {
        if (!Links.platformLink(canonical)) {
            links.add(canonical);
        }
    }

    /** Words of normalised text: case folded, edge punctuation dropped, emoji split off, trailing tags dropped. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split(" ")) {
            splitEmoji(raw, out);
        }
        int end = out.size();
        while (end > 0 && (out.get(end - 1).startsWith("#") || out.get(end - 1).startsWith("@"))) {
            end--;
        }
        return new ArrayList<>(out.subList(0, end));
    }

    private static void splitEmoji(String raw, List<String> out) {
        StringBuilder word = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.OTHER_SYMBOL) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, out);
    }

    private static void flush(StringBuilder word, List<String> out) {
        String w = trimPunctuation(word.toString());
        if (!w.isEmpty()) {
            out.add(w);
        }
        word.setLength(0);
    }

    private static String trimPunctuation(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && edge(w.charAt(start)) && w.charAt(start) != '#' && w.charAt(start) != '@') {
            start++;
        }
        while (end > start && edge(w.charAt(end - 1))) {
            end--;
        }
        return w.substring(start, end);
    }

    private static boolean edge(char c) {
        int t = Character.getType(c);
        return t == Character.OTHER_PUNCTUATION || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.DASH_PUNCTUATION || c == '…';
    }

    private static int[] bag(List<String> tokens) {
        int[] b = new int[tokens.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = tokens.get(i).hashCode();
        }
        Arrays.sort(b);
        return b;
    }
}
