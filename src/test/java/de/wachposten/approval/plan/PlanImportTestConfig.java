package de.wachposten.approval.plan;

import de.wachposten.config.Config;

/** The config of the approval tests: office sms-presse with drafter anna, approver bernd and dora with both roles. */
public final class PlanImportTestConfig {
    private PlanImportTestConfig() {}

    public static Config config() {
        return PlanImportTest.config();
    }
}
