package de.wachposten.platform.feed;

import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpFetch;
import java.util.Locale;

/** Turns a 2xx response of an HTTP fetch into a {@link Feed}, or a MALFORMED failure that says what was served. */
public final class FeedFetch {
    private FeedFetch() {}

    /** Parses the body of {@code response} as RSS or Atom. */
    public static Feed parse(HttpFetch http, HttpFetch.Response response) {
        String type = response.contentType();
        String typeNote = type.isEmpty() ? "" : " (content type " + type + ")";
        if (looksLikeHtml(response.body())) {
            throw http.failure(Reason.MALFORMED, "malformed XML at line 1 of " + response.request()
                    + ": an HTML page instead of a feed" + typeNote, null);
        }
        try {
            return FeedReader.read(response.body(), type);
        } catch (FeedReader.XmlException e) {
            throw http.failure(Reason.MALFORMED, "malformed XML at " + HttpFetch.shorten(e.getMessage()) + " of "
                    + response.request() + typeNote, null);
        } catch (FeedReader.NotAFeedException e) {
            throw http.failure(Reason.MALFORMED, "not a feed in " + response.request() + ": " + e.getMessage()
                    + typeNote, null);
        }
    }

    /** A ledger failure as the poll's failure. */
    public static PlatformException cursorFailure(HttpFetch http, ItemLedger.CursorException e) {
        return http.failure(Reason.MALFORMED, e.getMessage(), null);
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }
}
