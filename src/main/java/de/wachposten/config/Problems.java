package de.wachposten.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the errors and warnings found while reading one config file. */
final class Problems {
    private final Path file;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> warnings = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    /** Records an error at a 1-based line. */
    void error(int line, String message) {
        errors.add(new ConfigError(file, line, message));
    }

    /** Records a warning at a 1-based line; the message gets the prefix {@code warning: }. */
    void warn(int line, String message) {
        warnings.add(new ConfigError(file, line, "warning: " + message));
    }

    /** Number of errors so far; lets a parser tell whether the object it read had errors. */
    int count() {
        return errors.size();
    }

    /** The errors, sorted by line (stable, so errors on one line keep the order they were found in). */
    List<ConfigError> errors() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }

    /** The warnings, sorted by line. */
    List<ConfigError> warnings() {
        List<ConfigError> sorted = new ArrayList<>(warnings);
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }
}
