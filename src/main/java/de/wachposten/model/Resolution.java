package de.wachposten.model;

import java.util.Locale;

/** How an alert was closed. */
public enum Resolution {
    APPROVED_LATE, FALSE_POSITIVE, INCIDENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Resolution parse(String s) {
        for (Resolution v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown resolution '" + s + "' (expected approved_late, false_positive or incident)");
    }
}
