package de.wachposten.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A migration script from the classpath, split into statements. */
final class SqlScript {

    private SqlScript() {}

    /** The statements of classpath resource {@code resource}; a missing resource is a packaging error. */
    static List<String> load(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the classpath");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    /**
     * Splits at a {@code ;} that ends a line. SQLite trigger bodies ({@code BEGIN … END;}) and PostgreSQL
     * dollar-quoted function bodies ({@code $$ … $$}) stay whole; {@code --} comment lines are dropped.
     */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        boolean inDollars = false;
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (dollarQuotes(t) % 2 == 1) {
                inDollars = !inDollars;
            }
            String upper = t.toUpperCase(Locale.ROOT);
            if (inDollars) {
                continue;
            }
            if (upper.equals("BEGIN")) {
                inBody = true;
            } else if (inBody && upper.equals("END;")) {
                inBody = false;
            }
            if (!inBody && t.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int dollarQuotes(String line) {
        int n = 0;
        for (int i = line.indexOf("$$"); i >= 0; i = line.indexOf("$$", i + 2)) {
            n++;
        }
        return n;
    }
}
