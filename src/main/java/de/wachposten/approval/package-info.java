/**
 * Approvals and the four-eyes rule: text normalisation, matching a post against the approvals of its channel, and the
 * {@code unapproved} / {@code outside_approval_window} detector. Plain Java, no Vert.x.
 */
package de.wachposten.approval;
