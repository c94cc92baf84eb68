package de.wachposten.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.platform.Profile;
import de.wachposten.platform.graph.GraphProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Instagram user object as a {@link Profile}: {@code GET /v21.0/{ig-user-id}?fields=}{@value #FIELDS}.
 *
 * <p>Fields: {@code display_name} (name), {@code username}, {@code note} (biography), {@code avatar}
 * (profile_picture_url, without its rotating CDN signature, see {@link GraphProfile#stableUrl}) and {@code links}
 * (website). Instagram has no banner. Fields Graph leaves out map to an empty string.
 */
final class InstagramProfile {
    /** The IG user fields requested. */
    static final String FIELDS = "id,username,name,biography,website,profile_picture_url";

    private InstagramProfile() {}

    /** The profile of an IG user object as Graph returns it for {@link #FIELDS}. */
    static Profile toProfile(JsonNode user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", user.path("name").asText(""));
        fields.put("username", user.path("username").asText(""));
        fields.put("note", user.path("biography").asText(""));
        fields.put("avatar", GraphProfile.stableUrl(user.path("profile_picture_url").asText(null)));
        fields.put("links", user.path("website").asText("").strip());
        return new Profile(fields);
    }
}
