package de.wachposten.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a config file has errors; carries every error found, not just the first. */
public class ConfigException extends Exception {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
