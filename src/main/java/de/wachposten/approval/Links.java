package de.wachposten.approval;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Link handling for matching: finds URLs in text and brings them to a canonical form (scheme and {@code www.}
 * dropped, host lower case, tracking parameters such as {@code utm_*}, {@code fbclid} and {@code gclid} removed,
 * fragment and trailing slash dropped). Knows the common shorteners (t.co, bit.ly, ...) whose target only the
 * platform's payload reveals.
 */
public final class Links {
    /** A URL in text: an explicit scheme or a leading {@code www.}. */
    public static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    private static final Set<String> SHORTENERS = Set.of("t.co", "bit.ly", "buff.ly", "ow.ly", "tinyurl.com",
            "goo.gl", "lnkd.in", "dlvr.it", "is.gd", "fb.me", "trib.al", "s.id", "kurzelinks.de");
    private static final Pattern TRACKING = Pattern.compile("(?i)utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_eid|igshid|s=\\d+");

    private Links() {}

    /** The canonical form of {@code url}, e.g. {@code sms.sachsen.de/pm/1?id=2}; the input stripped when unparsable. */
    public static String canonical(String url) {
        String u = stripTrailingPunctuation(url.strip());
        if (!u.regionMatches(true, 0, "http", 0, 4)) {
            u = "https://" + u;
        }
        try {
            URI uri = new URI(u);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = query(uri.getRawQuery());
            return host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return u.toLowerCase(Locale.ROOT);
        }
    }

    /** True when {@code url} points at a link shortener whose target is not visible in the text. */
    public static boolean shortened(String url) {
        String c = canonical(url);
        int slash = c.indexOf('/');
        return SHORTENERS.contains(slash < 0 ? c : c.substring(0, slash));
    }

    /** True when the platform cut the displayed link ({@code sms.sachsen.de/pm/12…}). */
    public static boolean truncated(String url) {
        return url.endsWith("…") || url.endsWith("...");
    }

    /**
     * True for links a platform adds by itself: profile, hashtag and status links ({@code x.com/i/web/status/…},
     * {@code /tags/…}, {@code /@user}), which say nothing about the approved text.
     */
    public static boolean platformLink(String canonical) {
        return canonical.matches("(?:twitter\\.com|x\\.com|mobile\\.twitter\\.com)/(?:i/web/)?(?:[^/]+/)?status(?:es)?/\\d+.*")
                || canonical.matches("[^/]+/(?:tags|hashtag)/.*") || canonical.matches("[^/]+/@[^/]+");
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String p : raw.split("&")) {
            String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
            if (!p.isEmpty() && !TRACKING.matcher(name).matches() && !TRACKING.matcher(p).matches()) {
                kept.add(p);
            }
        }
        return kept.toString();
    }

    private static String stripTrailingPunctuation(String u) {
        int end = u.length();
        while (end > 0 && ".,;:!?)]}'\"»“”".indexOf(u.charAt(end - 1)) >= 0) {
            end--;
        }
        return u.substring(0, end);
    }
}
