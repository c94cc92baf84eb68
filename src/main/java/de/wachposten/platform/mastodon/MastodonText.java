package de.wachposten.platform.mastodon;

import de.wachposten.text.HtmlText;
import java.util.List;

/**
 * Turns the HTML that Mastodon puts into {@code content} into plain text and link targets, through
 * {@link HtmlText} with Mastodon's {@code white-space: pre-wrap}.
 *
 * <p>Paragraphs become blank-line separated, {@code <br>} a line break. All text nodes are kept, including the
 * {@code <span class="invisible">} parts Mastodon uses to shorten displayed URLs, so a link's text comes out as the
 * complete URL. Character references (named and numeric) are decoded. Links are the {@code href}s of {@code <a>}
 * elements that are neither mentions nor hashtags.
 */
public final class MastodonText {
    private MastodonText() {}

    /** The plain text of a Mastodon HTML fragment; empty for null. */
    public static String toPlainText(String html) {
        return HtmlText.toPlainText(html, HtmlText.Whitespace.PRESERVE);
    }

    /** The link targets of a Mastodon HTML fragment in document order, without mentions and hashtags. */
    public static List<String> links(String html) {
        return HtmlText.anchors(html).stream()
                .filter(a -> a.tag().equals("a") && !a.href().isEmpty())
                .filter(a -> !a.cssClass().contains("mention") && !a.cssClass().contains("hashtag"))
                .map(HtmlText.Anchor::href).distinct().toList();
    }
}
