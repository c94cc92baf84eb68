package de.wachposten.simulator.mastodon;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a published status can carry.
 *
 * @param textOrHtml      plain text (escaped and linkified like Mastodon does) or HTML starting with {@code <}
 * @param createdAt       publication time
 * @param applicationName posting application, or null to omit the {@code application} field
 * @param language        ISO 639 language code, or null
 * @param spoilerText     content warning, or empty
 * @param visibility      public, unlisted, private or direct
 */
public record StatusSpec(String textOrHtml, Instant createdAt, String applicationName, String language,
                         String spoilerText, String visibility) {
    public StatusSpec {
        Objects.requireNonNull(textOrHtml, "textOrHtml");
        Objects.requireNonNull(createdAt, "createdAt");
        spoilerText = spoilerText == null ? "" : spoilerText;
        visibility = visibility == null ? "public" : visibility;
    }

    /** A public German status. */
    public static StatusSpec of(String textOrHtml, Instant createdAt, String applicationName) {
        return new StatusSpec(textOrHtml, createdAt, applicationName, "de", "", "public");
    }

    /** A copy with another language. */
    public StatusSpec withLanguage(String value) {
        return new StatusSpec(textOrHtml, createdAt, applicationName, value, spoilerText, visibility);
    }

    /** A copy with a content warning. */
    public StatusSpec withSpoilerText(String value) {
        return new StatusSpec(textOrHtml, createdAt, applicationName, language, value, visibility);
    }
}
