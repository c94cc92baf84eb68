/**
 * Approvals and the four-eyes rule: text normalisation ({@link de.wachposten.approval.PlainText},
 * {@link de.wachposten.approval.Links}, {@link de.wachposten.approval.MatchText}), matching a post against the open
 * approvals of its channel ({@link de.wachposten.approval.ApprovalMatcher}: exact, then word
 * {@link de.wachposten.approval.Similarity} with the {@link de.wachposten.approval.WordDiff} veto on numbers, dates,
 * negations, added words and links), and the {@code unapproved} / {@code outside_approval_window} detector. Plain
 * Java, no Vert.x. Editorial plans are read in {@code approval.plan}.
 */
package de.wachposten.approval;
