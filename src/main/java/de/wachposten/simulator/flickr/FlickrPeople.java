package de.wachposten.simulator.flickr;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The person objects of the simulated {@code flickr.people.getInfo}, in Flickr's JSON wire format (strings wrapped as
 * {@code {"_content": …}}, {@code iconserver} a string, {@code iconfarm} a number). Not thread-safe:
 * {@link FlickrSimulator} calls it under its lock.
 */
final class FlickrPeople {
    /** Fields a test may change; {@code null} removes one (an account without real name or description). */
    static final Set<String> FIELDS = Set.of("username", "realname", "description", "iconserver", "iconfarm",
            "path_alias", "location");

    private final Map<String, Map<String, String>> byNsid = new HashMap<>();

    /** The default profile of a new account named {@code name}. */
    void create(String nsid, String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("username", name);
        p.put("realname", name);
        p.put("description", "Offizielle Fotos: " + name);
        p.put("iconserver", "65535");
        p.put("iconfarm", "66");
        p.put("path_alias", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        p.put("location", "Dresden, Deutschland");
        byNsid.put(nsid, p);
    }

    /** True when the account exists. */
    boolean exists(String nsid) {
        return byNsid.containsKey(nsid);
    }

    /** Sets ({@code value} non-null) or removes one field. */
    void set(String nsid, String field, String value) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("no simulated Flickr person field " + field + "; one of " + FIELDS);
        }
        if (value == null) {
            byNsid.get(nsid).remove(field);
        } else {
            byNsid.get(nsid).put(field, value);
        }
    }

    /** The {@code flickr.people.getInfo} answer for {@code nsid}. */
    JsonObject render(String nsid) {
        Map<String, String> p = byNsid.get(nsid);
        String alias = p.getOrDefault("path_alias", nsid);
        JsonObject person = new JsonObject().put("id", nsid).put("nsid", nsid).put("ispro", 0).put("is_deleted", 0)
                .put("iconserver", p.getOrDefault("iconserver", "0"))
                .put("iconfarm", Integer.parseInt(p.getOrDefault("iconfarm", "0")))
                .put("path_alias", alias).put("has_stats", 0);
        for (String field : new String[] {"username", "realname", "location", "description"}) {
            if (p.containsKey(field)) {
                person.put(field, content(p.get(field)));
            }
        }
        person.put("photosurl", content("https://www.flickr.com/photos/" + alias + "/"))
                .put("profileurl", content("https://www.flickr.com/people/" + alias + "/"))
                .put("mobileurl", content("https://m.flickr.com/photostream.gne?id=" + nsid.replace("@", "%40")))
                .put("photos", new JsonObject().put("firstdatetaken", content("2014-05-02 10:11:12"))
                        .put("count", content("0")));
        return new JsonObject().put("person", person).put("stat", "ok");
    }

    private static JsonObject content(String value) {
        return new JsonObject().put("_content", value);
    }
}
