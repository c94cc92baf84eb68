package de.wachposten.platform.flickr;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.platform.Profile;
import de.wachposten.text.HtmlText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Flickr account as a {@link Profile}.
 *
 * <p>With the API ({@code flickr.people.getInfo}): {@code display_name} (realname, else username), {@code username},
 * {@code note} (description, HTML as plain text), {@code avatar} (the buddy icon
 * {@code https://farm{iconfarm}.staticflickr.com/{iconserver}/buddyicons/{nsid}.jpg}, or Flickr's default icon when
 * the account has none, {@code iconserver} 0) and {@code links} (profileurl). Missing fields map to an empty string.
 * From the public feed only {@code display_name} is visible, from its title {@code Uploads from <name>}.
 */
final class FlickrProfile {
    /** The icon Flickr shows for accounts without a buddy icon. */
    static final String DEFAULT_ICON = "https://www.flickr.com/images/buddyicon.gif";
    private static final String FEED_TITLE_PREFIX = "Uploads from ";

    private FlickrProfile() {}

    /** The profile of one {@code person} object; {@code nsid} names the buddy icon when the person omits it. */
    static Profile fromPerson(JsonNode person, String nsid) {
        String username = content(person, "username");
        String realname = content(person, "realname");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", realname.isEmpty() ? username : realname);
        fields.put("username", username);
        fields.put("note", HtmlText.toPlainText(content(person, "description")).strip());
        fields.put("avatar", icon(person, person.path("nsid").asText(nsid)));
        fields.put("links", content(person, "profileurl"));
        return new Profile(fields);
    }

    /** The display name from the public feed's title; null (not seen) when the feed has no title. */
    static Profile fromFeed(JsonNode feed) {
        String title = feed.path("title").asText("").strip();
        String name = title.startsWith(FEED_TITLE_PREFIX) ? title.substring(FEED_TITLE_PREFIX.length()).strip() : title;
        return name.isEmpty() ? null : new Profile(Map.of("display_name", name));
    }

    private static String icon(JsonNode person, String nsid) {
        String server = person.path("iconserver").asText("0").strip();
        int farm = person.path("iconfarm").asInt(0);
        if (server.isEmpty() || server.equals("0") || farm <= 0) {
            return DEFAULT_ICON;
        }
        return "https://farm" + farm + ".staticflickr.com/" + server + "/buddyicons/" + nsid + ".jpg";
    }

    /** Flickr wraps strings as {@code {"_content": "…"}}. */
    private static String content(JsonNode node, String field) {
        return node.path(field).path("_content").asText("").strip();
    }
}
