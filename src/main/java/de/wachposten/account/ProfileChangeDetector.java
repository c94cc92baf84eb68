package de.wachposten.account;

import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Event;
import de.wachposten.detect.EventDetector;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Raises {@code profile_changed} when the account's profile differs from its last revision, naming each changed field
 * with its old and new value. The first profile seen is the baseline: the pipeline makes no event for it.
 */
public final class ProfileChangeDetector extends EventDetector<Event.ProfileChanged> {

    public ProfileChangeDetector() {
        super("profile", Event.Kind.PROFILE_CHANGED, Event.ProfileChanged.class);
    }

    @Override
    protected void check(Event.ProfileChanged p, DetectionContext ctx, Findings out) {
        out.add(Finding.of(ReasonCode.PROFILE_CHANGED, ReasonCode.PROFILE_CHANGED.defaultSeverity(),
                describe(p.before(), p.after())));
    }

    /** "profile changed: display_name "A" → "B"; avatar …" over the fields that differ, in name order. */
    public static String describe(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String a = before.getOrDefault(name, "");
            String b = after.getOrDefault(name, "");
            if (!a.equals(b)) {
                parts.add(name + " \"" + a + "\" → \"" + b + "\"");
            }
        }
        return "profile changed: " + String.join("; ", parts);
    }
}
