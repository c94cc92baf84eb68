package de.wachposten.detect;

import de.wachposten.model.Finding;
import java.util.ArrayList;
import java.util.List;

/** Collects what detectors found for one post, and which approval the post consumes (at most one). */
public final class Findings {
    private final List<Finding> findings = new ArrayList<>();
    private String consumedApprovalId;

    public void add(Finding f) {
        findings.add(f);
    }

    /** Marks the approval the post matched; it is consumed when the outcome is committed. */
    public void consume(String approvalId) {
        if (consumedApprovalId != null && !consumedApprovalId.equals(approvalId)) {
            throw new IllegalStateException("a post consumes one approval; already " + consumedApprovalId);
        }
        consumedApprovalId = approvalId;
    }

    public List<Finding> list() {
        return List.copyOf(findings);
    }

    /** The consumed approval id, or null. */
    public String consumedApprovalId() {
        return consumedApprovalId;
    }
}
