package de.wachposten.simulator.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small reader of the AT Protocol's lexicon schemas (test resources {@code atproto-lexicons/}): every required
 * property present, every property of the type its schema names, refs and unions followed (open unions only when
 * their {@code $type} is one of the listed refs); objects, arrays and the primitive types.
 */
final class Lexicons {
    JsonObject doc(String id) {
        try (InputStream in = getClass().getResourceAsStream("/atproto-lexicons/" + id + ".json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("lexicon " + id + " not vendored", e);
        }
    }

    /** The definition {@code ref} ({@code nsid#name}); {@code #output} is a query's output schema. */
    JsonObject def(String ref) {
        String id = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        String name = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "main";
        JsonObject defs = doc(id).getJsonObject("defs");
        if (name.equals("output")) {
            return defs.getJsonObject("main").getJsonObject("output").getJsonObject("schema");
        }
        JsonObject d = defs.getJsonObject(name);
        return d.getString("type").equals("record") ? d.getJsonObject("record") : d;
    }

    void check(String ref, Object value, String path, List<String> errors) {
        validate(def(ref), ref.substring(0, ref.indexOf('#')), value, path, errors);
    }

    private void validate(JsonObject schema, String base, Object value, String path, List<String> errors) {
        String type = schema.getString("type");
        switch (type) {
            case "ref" -> {
                String ref = absolute(schema.getString("ref"), base);
                validate(def(ref), ref.substring(0, ref.indexOf('#') < 0 ? ref.length() : ref.indexOf('#')),
                        value, path, errors);
            }
            case "union" -> {
                if (!(value instanceof JsonObject o) || o.getString("$type") == null) {
                    errors.add(path + ": union member without $type");
                    return;
                }
                String t = o.getString("$type");
                List<String> refs = schema.getJsonArray("refs").stream().map(r -> absolute((String) r, base))
                        .map(r -> r.endsWith("#main") ? r.substring(0, r.length() - 5) : r).toList();
                if (refs.contains(t)) {
                    String ref = t.contains("#") ? t : t + "#main";
                    validate(def(ref), ref.substring(0, ref.indexOf('#')), value, path, errors);
                } else if (Boolean.TRUE.equals(schema.getBoolean("closed"))) {
                    errors.add(path + ": $type " + t + " not in closed union " + refs);
                }
            }
            case "object" -> {
                if (!(value instanceof JsonObject o)) {
                    errors.add(path + ": not an object");
                    return;
                }
                for (Object r : schema.getJsonArray("required", new JsonArray())) {
                    if (!o.containsKey((String) r)) {
                        errors.add(path + ": required property " + r + " missing");
                    }
                }
                JsonObject props = schema.getJsonObject("properties", new JsonObject());
                for (String key : o.fieldNames()) {
                    if (props.containsKey(key) && o.getValue(key) != null) {
                        validate(props.getJsonObject(key), base, o.getValue(key), path + "." + key, errors);
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof JsonArray a)) {
                    errors.add(path + ": not an array");
                    return;
                }
                for (int i = 0; i < a.size(); i++) {
                    validate(schema.getJsonObject("items"), base, a.getValue(i), path + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    errors.add(path + ": not a string");
                } else if ("datetime".equals(schema.getString("format")) && !s.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)")) {
                    errors.add(path + ": not an RFC 3339 datetime: " + s);
                } else if ("did".equals(schema.getString("format")) && !s.startsWith("did:")) {
                    errors.add(path + ": not a DID: " + s);
                } else if ("at-uri".equals(schema.getString("format")) && !s.startsWith("at://")) {
                    errors.add(path + ": not an at:// URI: " + s);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    errors.add(path + ": not an integer");
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(path + ": not a boolean");
                }
            }
            case "unknown" -> {
                if (!(value instanceof JsonObject)) {
                    errors.add(path + ": unknown must be an object");
                }
            }
            default -> { } // cid-link, blob, bytes, token: not in the answers Wachposten reads
        }
    }

    private static String absolute(String lexRef, String base) {
        // the schema dictionary of @atproto/api writes refs as lex:nsid#name
        String ref = lexRef.startsWith("lex:") ? lexRef.substring(4) : lexRef;
        return ref.startsWith("#") ? base + ref : ref.contains("#") ? ref : ref + "#main";
    }
}
