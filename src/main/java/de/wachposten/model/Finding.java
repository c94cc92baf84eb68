package de.wachposten.model;

import java.util.List;
import java.util.Objects;

/**
 * One reason why a post is suspicious.
 *
 * @param code     the reason code
 * @param severity severity of this reason
 * @param detail   plain-language explanation for a press officer
 * @param rule     rule id for {@code flagged_content}, else null
 * @param category rule category for {@code flagged_content}, else null
 * @param matches  matched terms for {@code flagged_content}, else empty
 */
public record Finding(ReasonCode code, Severity severity, String detail, String rule, String category, List<String> matches) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        detail = detail == null ? "" : detail;
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static Finding of(ReasonCode code, Severity severity, String detail) {
        return new Finding(code, severity, detail, null, null, List.of());
    }
}
