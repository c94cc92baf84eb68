package de.wachposten.approval.plan;

import java.util.List;

/** A plan that cannot be imported; {@link #errors()} holds every problem as {@code file:line: message}. */
public final class PlanException extends RuntimeException {
    private final List<String> errors;

    public PlanException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
