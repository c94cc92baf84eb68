package de.wachposten.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Helpers for config tests: write a YAML text to a file, read it, and collect the messages. */
final class ConfigFiles {
    /** The example of the product contract, copied verbatim. */
    static final String PRODUCT_EXAMPLE = "/config/product-example.yaml";

    private ConfigFiles() {
    }

    /** Writes {@code yaml} to {@code wachposten.yaml} in {@code dir}. */
    static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("wachposten.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file on the test class path. */
    static Path resource(String name) {
        try {
            return Path.of(ConfigFiles.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code file}, expects it to fail, and returns every error as {@code file:line: message}. */
    static List<String> errors(Path file, Map<String, String> env) {
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> ConfigLoader.read(file, env))
                .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
        return caught[0].errors().stream().map(ConfigError::toString).toList();
    }

    /** Writes {@code yaml}, reads it with no environment and returns every error. */
    static List<String> errors(Path dir, String yaml) {
        return errors(write(dir, yaml), Map.of());
    }
}
