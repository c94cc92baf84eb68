package de.wachposten.model;

import java.util.Locale;

/** What one revision of an alert is: the reason its sinks hear of it again. */
public enum AlertChange {
    /** Revision 1: the post got its first findings. */
    CREATED,
    /** New reasons were added (an edit, a deletion, a later finding); the alert is open again. */
    UPDATED,
    /** A person acknowledged the alert with a resolution. */
    ACKNOWLEDGED,
    /** The alert was resolved without a person acknowledging it (a late approval, a credential rotation). */
    RESOLVED,
    /** Nobody acknowledged the open alert in time: the office's escalation contacts hear of it. */
    ESCALATED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
