package de.wachposten.api;

import de.wachposten.approval.plan.PlanException;
import de.wachposten.approval.plan.PlanImport;
import de.wachposten.config.Config;
import de.wachposten.config.User;
import de.wachposten.model.Approval;
import de.wachposten.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports an editorial plan (CSV or iCalendar) as approvals given by the caller: every row is checked
 * ({@link PlanImport}: the caller must hold the approver role for each row's office and must not be its drafter),
 * and all or nothing is stored. Used by {@code POST /api/v1/plans} and the console's plan upload on {@code /drafts}.
 */
public final class PlanUpload {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;
    private final PlanImport plans;

    public PlanUpload(Config config, Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.plans = new PlanImport(config, PlanUpload::newId);
    }

    /**
     * Checks the plan {@code content} ({@code format} {@code csv} or {@code ics}) read as file {@code file}; nothing
     * is stored yet.
     *
     * @throws PlanException listing every error as {@code file:line: message}
     */
    public List<Approval> check(User caller, String file, String format, String content) {
        return plans.read(file, format, content, null, caller.id(), clock.instant());
    }

    /** Stores the approvals {@link #check} returned. Blocking. */
    public List<Approval> store(List<Approval> approvals) {
        return store.addApprovals(approvals);
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "ap-" + HexFormat.of().formatHex(b);
    }
}
