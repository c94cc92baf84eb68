package de.wachposten.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One media attachment of a post, as the platform describes it.
 *
 * @param type        {@code image}, {@code video}, {@code gif}, {@code audio} or {@code other}
 * @param url         where the file (or its preview) is, may be null when the payload gives none
 * @param description alt text or caption the platform gives, may be null
 */
public record Media(String type, String url, String description) {
    /** The media types a connector may report. */
    public static final Set<String> TYPES = java.util.Set.of("image", "video", "gif", "audio", "other");

    public Media {
        Objects.requireNonNull(type, "type");
        type = type.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("media type '" + type + "': expected one of image, video, gif, audio, other");
        }
        url = url == null || url.isBlank() ? null : url;
        description = description == null || description.isBlank() ? null : description;
    }

    /** The normalised type for a platform's type word ({@code photo}, {@code gifv}, {@code animated_gif}, MIME types). */
    public static String typeOf(String platformType) {
        if (platformType == null) {
            return "other";
        }
        String t = platformType.toLowerCase(Locale.ROOT);
        if (t.contains("gif")) {
            return "gif";
        }
        if (t.startsWith("image") || t.equals("photo") || t.equals("carousel_album")) {
            return "image";
        }
        if (t.startsWith("video") || t.equals("reel") || t.equals("reels")) {
            return "video";
        }
        return t.startsWith("audio") ? "audio" : "other";
    }
}
