package de.wachposten.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The ids of one kind of object (office, user, channel): reads them, checks their form and reports duplicates. */
final class IdRegistry {
    /** The form of office and channel ids. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final String kind;
    private final Pattern form;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    /** @param kind word used in messages ({@code channel}); @param form required form, or null for any */
    IdRegistry(String kind, Pattern form) {
        this.kind = kind;
        this.form = form;
    }

    /**
     * Reads {@code id} from an object labelled like {@code channels[3]}, relabels the object {@code channel 'id'} and
     * records a missing, malformed or duplicate id. Returns the id, or null when it is missing.
     */
    String read(YamlMap m) {
        String id = m.required("id");
        if (id == null) {
            return null;
        }
        int line = m.line("id");
        String where = m.label();
        m.label(kind + " '" + id + "'");
        if (id.isBlank()) {
            m.problems().error(line, "empty " + kind + " id in " + where);
        } else if (form != null && !form.matcher(id).matches()) {
            m.problems().error(line, "bad " + kind + " id '" + id + "' (expected lower-case letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit)");
        }
        Integer first = lines.putIfAbsent(id, line);
        if (first != null) {
            m.problems().error(line, "duplicate " + kind + " id '" + id + "' (first at line " + first + ")");
        }
        return id;
    }

    boolean contains(String id) {
        return lines.containsKey(id);
    }

    Set<String> ids() {
        return lines.keySet();
    }
}
