package de.wachposten.simulator.meta;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account objects of the simulated Graph API: Facebook Page ({@code name, username, about, description, website,
 * link, picture, cover}) and Instagram user ({@code username, name, biography, website, profile_picture_url}), each
 * rendered for the requested {@code fields} as Graph does: {@code picture} as {@code {"data":{"url":…}}},
 * {@code cover} as a cover photo with {@code source}, fields without a value left out, an unknown field answered
 * with error 100. Picture URLs are CDN URLs whose signature ({@code oh}, {@code oe}) changes with every answer, as
 * Meta's do. Not thread-safe: {@link MetaSimulator} calls it under its lock.
 */
final class MetaProfiles {
    static final Set<String> PAGE_FIELDS = Set.of("name", "username", "about", "description", "website", "link",
            "picture", "cover");
    static final Set<String> IG_FIELDS = Set.of("username", "name", "biography", "website", "profile_picture_url");
    private static final Set<String> PICTURES = Set.of("picture", "cover", "profile_picture_url");

    private final Map<String, Map<String, String>> byAccount = new HashMap<>();
    private long signature = 0x5a17L;

    /** An unknown field: the Graph error message. */
    static final class UnknownField extends RuntimeException {
        UnknownField(String message) {
            super(message, null, false, false);
        }
    }

    /** The default profile of a new account. */
    void create(String id, String name, boolean instagram) {
        Map<String, String> p = new LinkedHashMap<>();
        String handle = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        handle = handle.substring(0, Math.min(handle.length(), 20));
        p.put("name", name);
        p.put("username", handle);
        p.put("website", "https://www.example.de/");
        if (instagram) {
            p.put("biography", "Offizieller Account von " + name);
            p.put("profile_picture_url", "https://scontent-ber1-1.cdninstagram.com/v/t51.2885-19/" + id + "_n.jpg");
        } else {
            p.put("about", "Offizielle Seite von " + name);
            p.put("link", "https://www.facebook.com/" + handle);
            p.put("picture", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/" + id + "_1_n.jpg");
            p.put("cover", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-6/" + id + "_2_n.jpg");
        }
        byAccount.put(id, p);
    }

    /** Sets ({@code value} non-null) or removes one Graph field; picture fields take the unsigned URL. */
    void set(String id, boolean instagram, String field, String value) {
        if (!(instagram ? IG_FIELDS : PAGE_FIELDS).contains(field)) {
            throw new IllegalArgumentException("no simulated " + (instagram ? "Instagram user" : "Page") + " field "
                    + field);
        }
        if (value == null) {
            byAccount.get(id).remove(field);
        } else {
            byAccount.get(id).put(field, value);
        }
    }

    /** The object for the {@code fields} parameter (Graph's default when null: id and name). */
    JsonObject render(String id, boolean instagram, String fieldsParam) {
        Map<String, String> p = byAccount.get(id);
        JsonObject o = new JsonObject();
        for (String field : fieldsParam == null ? List.of("id", "name") : names(fieldsParam)) {
            if (field.equals("id")) {
                o.put("id", id);
            } else if (!(instagram ? IG_FIELDS : PAGE_FIELDS).contains(field)) {
                throw new UnknownField("(#100) Tried accessing nonexisting field (" + field + ") on node type ("
                        + (instagram ? "IGUser" : "Page") + ")");
            } else if (p.containsKey(field)) {
                o.put(field, value(id, field, p.get(field)));
            }
        }
        return o;
    }

    private Object value(String id, String field, String stored) {
        if (!PICTURES.contains(field)) {
            return stored;
        }
        String signed = stored + "?stp=dst-jpg_s160x160&_nc_cat=108&_nc_sid=7206a8&oh=00_AY" + Long.toHexString(
                signature++ * 2654435761L) + "&oe=" + Long.toHexString(1_767_000_000L + signature * 3600);
        return switch (field) {
            case "picture" -> new JsonObject().put("data", new JsonObject().put("height", 50)
                    .put("is_silhouette", false).put("url", signed).put("width", 50));
            case "cover" -> new JsonObject().put("cover_id", id + "2").put("offset_x", 50).put("offset_y", 50)
                    .put("source", signed).put("id", id + "2");
            default -> signed;
        };
    }

    /** The top-level names of a fields parameter: {@code a,b{c,d},e} → a, b, e. */
    static List<String> names(String fields) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder name = new StringBuilder();
        for (char c : (fields + ",").toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (!name.isEmpty()) {
                    out.add(name.toString().strip());
                }
                name.setLength(0);
            } else if (depth == 0) {
                name.append(c);
            }
        }
        return out;
    }
}
