package de.wachposten.config;

import java.util.Objects;

/**
 * A secret value from the config (usually via {@code ${ENV_VAR}}). It prints as {@code <secret>} so it cannot leak into
 * logs or error messages by accident; {@link #reveal()} is the only way to read it.
 */
public final class Secret {
    private final String value;
    private final String envVar;

    private Secret(String value, String envVar) {
        this.value = value;
        this.envVar = envVar;
    }

    /** A secret with a known value; {@code envVar} names where it came from, or null for a literal. */
    public static Secret of(String value, String envVar) {
        return new Secret(Objects.requireNonNull(value, "value"), envVar);
    }

    /** A secret whose environment variable was not set. */
    public static Secret unset(String envVar) {
        return new Secret(null, Objects.requireNonNull(envVar, "envVar"));
    }

    public boolean isSet() {
        return value != null;
    }

    /** The environment variable this secret is read from, or null for a literal in the file. */
    public String envVar() {
        return envVar;
    }

    /** The value; throws {@link IllegalStateException} naming the variable when it is not set. */
    public String reveal() {
        if (value == null) {
            throw new IllegalStateException("environment variable " + envVar + " is not set");
        }
        return value;
    }

    @Override
    public String toString() {
        return "<secret>";
    }
}
