package de.wachposten.api;

import de.wachposten.alert.AlertService;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.Resolution;

/**
 * A person acknowledges an alert, for the API and the console alike: a drafter, approver or admin of the alert's
 * office, through {@link AlertService#acknowledge}; an optional note goes to the audit log. Blocking: call it on a
 * worker thread.
 */
public final class Acknowledgement {
    /** Longest acknowledgement note, in characters. */
    public static final int MAX_NOTE = 2_000;

    private final AlertService alerts;

    public Acknowledgement(AlertService alerts) {
        this.alerts = alerts;
    }

    /**
     * {@code caller} acknowledges open alert {@code id} with {@code resolution} and an optional {@code note}.
     *
     * @return the alert after the change
     * @throws ApiException 400 for a note that is too long, 404 for an unknown alert, 403 without the drafter or
     *                      approver role for its office, 409 when it is not open
     */
    public Alert acknowledge(User caller, String id, Resolution resolution, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ApiException.badField("note", "longer than " + MAX_NOTE + " characters");
        }
        Alert alert = alerts.alert(id).orElseThrow(() -> ApiException.notFound("alert " + id + " not found"));
        String office = alert.officeId();
        if (!caller.may(Role.DRAFTER, office) && !caller.may(Role.APPROVER, office)) {
            throw ApiException.forbidden("user " + caller.id() + " lacks the drafter or approver role for office "
                    + office);
        }
        Alert closed;
        try {
            closed = alerts.acknowledge(id, resolution, caller.id());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (note != null && !note.isBlank()) {
            alerts.note(id, caller.id(), note);
        }
        return closed;
    }
}
