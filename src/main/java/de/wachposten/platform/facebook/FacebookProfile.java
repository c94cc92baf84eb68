package de.wachposten.platform.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.platform.Profile;
import de.wachposten.platform.graph.GraphProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Page object as a {@link Profile}: {@code GET /v21.0/{page-id}?fields=}{@value #FIELDS}.
 *
 * <p>Fields: {@code display_name} (name), {@code username}, {@code note} (about), {@code description},
 * {@code avatar} ({@code picture.data.url}), {@code header} ({@code cover.source}) and {@code links} (website).
 * Graph leaves out fields without a value; they map to an empty string, so removing one is a change. Picture URLs
 * lose their rotating CDN signature ({@link GraphProfile#stableUrl}).
 */
final class FacebookProfile {
    /** The Page fields requested. */
    static final String FIELDS = "id,name,username,about,description,website,link,picture{url},cover{source}";

    private FacebookProfile() {}

    /** The profile of a Page object as Graph returns it for {@link #FIELDS}. */
    static Profile toProfile(JsonNode page) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", page.path("name").asText(""));
        fields.put("username", page.path("username").asText(""));
        fields.put("note", page.path("about").asText(""));
        fields.put("description", page.path("description").asText(""));
        fields.put("avatar", GraphProfile.stableUrl(page.path("picture").path("data").path("url").asText(null)));
        fields.put("header", GraphProfile.stableUrl(page.path("cover").path("source").asText(null)));
        fields.put("links", page.path("website").asText("").strip());
        return new Profile(fields);
    }
}
