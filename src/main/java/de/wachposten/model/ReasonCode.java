package de.wachposten.model;

/**
 * Why a post was flagged. The codes are stable API (README, What it flags): they appear in webhook bodies, metrics and
 * config.
 */
public enum ReasonCode {
    UNAPPROVED("unapproved", Severity.HIGH),
    OUTSIDE_APPROVAL_WINDOW("outside_approval_window", Severity.MEDIUM),
    OUTSIDE_HOURS("outside_hours", Severity.MEDIUM),
    DORMANT_CHANNEL("dormant_channel", Severity.HIGH),
    UNEXPECTED_CLIENT("unexpected_client", Severity.HIGH),
    FLAGGED_CONTENT("flagged_content", Severity.HIGH),
    UNUSUAL_BEHAVIOUR("unusual_behaviour", Severity.MEDIUM),
    EDITED("edited", Severity.MEDIUM),
    DELETED("deleted", Severity.MEDIUM),
    PROFILE_CHANGED("profile_changed", Severity.HIGH),
    CREDENTIALS_OVERDUE("credentials_overdue", Severity.HIGH);

    private final String code;
    private final Severity defaultSeverity;

    ReasonCode(String code, Severity defaultSeverity) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
    }

    /** The stable wire code, e.g. {@code unapproved}. */
    public String code() {
        return code;
    }

    /** Severity used unless the policy configures another one for this reason. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public static ReasonCode parse(String code) {
        for (ReasonCode r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason code '" + code + "'");
    }
}
