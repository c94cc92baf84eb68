package de.wachposten.report;

/** A report that cannot be made: unknown channel, a span with nothing in it, a bad time or format. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
