package de.wachposten.model;

import java.util.Locale;

/** Lifecycle of an alert: open until acknowledged by a person or resolved (for example by a late approval). */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String s) {
        for (AlertStatus v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown alert status '" + s + "' (expected open, acknowledged or resolved)");
    }
}
