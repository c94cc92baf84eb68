/**
 * Incident review: the timeline of one channel over a time span, built from the store (posts with every version and
 * their deletion, approvals, findings, alerts, deliveries, acknowledgements) and rendered as Markdown, HTML or JSON.
 *
 * <p>Data enters through {@link de.wachposten.report.ReportBuilder}, which reads the {@link de.wachposten.store.Store}
 * (blocking; call it off any event loop) and returns an immutable {@link de.wachposten.report.ChannelReport}. The
 * renderers are pure functions of that report; every one shows times in the channel policy's zone and in UTC, and
 * the HTML renderer escapes all post text.
 */
package de.wachposten.report;
