package de.wachposten.config;

import java.util.Locale;

/** What a user may do. */
public enum Role {
    DRAFTER, APPROVER, VIEWER, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.wire().equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + s + "' (expected drafter, approver, viewer or admin)");
    }
}
