package de.wachposten.config;

import java.nio.file.Path;

/** One problem in a config or rule file, printed as {@code file:line: message}. */
public record ConfigError(Path file, int line, String message) implements Comparable<ConfigError> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(ConfigError o) {
        int c = file.toString().compareTo(o.file.toString());
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
