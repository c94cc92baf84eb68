package de.wachposten.behaviour;

import de.wachposten.model.Post;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts the features a profile counts from a post: link domains and mentioned accounts. */
final class Features {
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_][A-Za-z0-9_.]*(?:@[A-Za-z0-9.-]+)?)");

    private Features() {
    }

    /** Host names of the post's links, lower case, without {@code www.}; unparsable links are skipped. */
    static Set<String> linkDomains(Post post) {
        Set<String> out = new LinkedHashSet<>();
        for (String link : post.links()) {
            try {
                String host = URI.create(link.trim()).getHost();
                if (host != null) {
                    String h = host.toLowerCase(Locale.ROOT);
                    out.add(h.startsWith("www.") ? h.substring(4) : h);
                }
            } catch (IllegalArgumentException e) {
                // not a URI: not a domain either
            }
        }
        return out;
    }

    /** Accounts mentioned with {@code @name} (or {@code @name@instance}) in the text, lower case. */
    static Set<String> mentions(Post post) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(post.text());
        while (m.find()) {
            String name = m.group(1);
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The value as counted: trimmed and lower case; null for null or blank. */
    static String norm(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return v.trim().toLowerCase(Locale.ROOT);
    }
}
