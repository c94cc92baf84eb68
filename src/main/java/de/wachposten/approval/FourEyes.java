package de.wachposten.approval;

import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The four-eyes rule, in one place for direct approvals, drafts and editorial plans (README, "Freigaben /
 * Approvals"): the drafter holds the drafter role and the approver the approver role for the channel's office, and
 * nobody approves a text they drafted. Every refusal names the user, the role and the office.
 */
public final class FourEyes {
    /** Field names of the people in a request or a plan row. */
    public static final String DRAFTED_BY = "drafted_by";
    public static final String APPROVED_BY = "approved_by";

    /**
     * One reason an approval is refused.
     *
     * @param field   {@value #DRAFTED_BY} or {@value #APPROVED_BY}: whose part of the rule is broken
     * @param problem what is wrong, without the field name ("unknown user 'x'", "user x lacks …", "four-eyes: …")
     * @param fourEyes true when drafter and approver are the same person
     */
    public record Violation(String field, String problem, boolean fourEyes) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
        }

        /** True when the approver (in the API: the caller) lacks the right, or approves their own text. */
        public boolean byApprover() {
            return fourEyes || field.equals(APPROVED_BY);
        }

        /** As a plan import writes it: {@code field: problem}, or the four-eyes sentence alone. */
        public String line() {
            return fourEyes || problem.endsWith(" missing") ? problem : field + ": " + problem;
        }
    }

    private final Config config;

    public FourEyes(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Everything that stops {@code approverId} from approving a text drafted by {@code drafterId} for office
     * {@code officeId}, in the order drafter, approver, four-eyes; empty when the approval may be recorded.
     */
    public List<Violation> approval(String drafterId, String approverId, String officeId) {
        List<Violation> out = new ArrayList<>();
        role(DRAFTED_BY, drafterId, Role.DRAFTER, officeId).ifPresent(out::add);
        role(APPROVED_BY, approverId, Role.APPROVER, officeId).ifPresent(out::add);
        if (drafterId != null && drafterId.equals(approverId)) {
            out.add(new Violation(APPROVED_BY, "four-eyes: " + approverId + " cannot approve a text drafted by "
                    + drafterId, true));
        }
        return List.copyOf(out);
    }

    /**
     * What stops {@code approverId} from approving draft {@code draftId} that {@code drafterId} submitted (the
     * drafter's role was checked when it was submitted); empty when they may.
     */
    public Optional<Violation> draftApproval(String draftId, String drafterId, String approverId, String officeId) {
        Optional<Violation> role = role(APPROVED_BY, approverId, Role.APPROVER, officeId);
        if (role.isPresent() || !drafterId.equals(approverId)) {
            return role;
        }
        return Optional.of(new Violation(APPROVED_BY, "four-eyes: " + approverId + " cannot approve draft " + draftId
                + " they drafted themselves", true));
    }

    /** What stops {@code drafterId} from submitting a draft for office {@code officeId}; empty when they may. */
    public Optional<Violation> submission(String drafterId, String officeId) {
        return role(DRAFTED_BY, drafterId, Role.DRAFTER, officeId);
    }

    private Optional<Violation> role(String field, String id, Role role, String officeId) {
        if (id == null) {
            return Optional.of(new Violation(field, field + " missing", false));
        }
        Optional<User> u = config.user(id);
        if (u.isEmpty()) {
            return Optional.of(new Violation(field, "unknown user '" + id + "'", false));
        }
        if (!u.get().may(role, officeId)) {
            return Optional.of(new Violation(field, "user " + id + " lacks the " + role.wire() + " role for office "
                    + officeId, false));
        }
        return Optional.empty();
    }
}
