package de.wachposten.approval.plan;

import java.time.Instant;

/**
 * One planned post as read from a plan file, not yet checked against the config.
 *
 * @param line       the line the row starts at (1-based), for errors
 * @param channel    channel id
 * @param notBefore  window start, or null
 * @param notAfter   window end, or null
 * @param draftedBy  user id of the drafter
 * @param approvedBy user id of the approver, or null when the importer supplies it
 * @param text       the text to approve
 */
public record PlanRow(int line, String channel, Instant notBefore, Instant notAfter, String draftedBy,
                      String approvedBy, String text) {}
