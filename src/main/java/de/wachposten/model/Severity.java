package de.wachposten.model;

import java.util.Locale;

/** Alert and finding severity, ordered from least to most urgent. The wire form is the lower-case name. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in JSON, config and metrics. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; throws {@link IllegalArgumentException} naming the accepted values. */
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected info, low, medium, high or critical)");
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
