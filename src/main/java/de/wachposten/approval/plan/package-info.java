/**
 * Editorial plans imported as approvals: {@link de.wachposten.approval.plan.CsvPlan} (RFC 4180) and
 * {@link de.wachposten.approval.plan.IcsPlan} (iCalendar VEVENTs) read rows; {@link de.wachposten.approval.plan.PlanImport}
 * checks every row against the config (channel, roles, four-eyes) and yields approvals, or every error as
 * {@code file:line: message}. Plain Java; the caller stores the approvals in one transaction (all or nothing).
 */
package de.wachposten.approval.plan;
