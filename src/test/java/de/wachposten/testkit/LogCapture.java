package de.wachposten.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line (level, logger, message, throwable text) of the root logger while open, with the root level
 * lowered to DEBUG so that debug lines are checked too; or, with {@link #capture(Level)}, the lines from a level up,
 * leaving the levels as they are.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final Level minimum;
    private Level previous;

    private LogCapture(Level minimum) {
        this.minimum = minimum;
    }

    /** Starts capturing everything, debug lines included. */
    public static LogCapture capture() {
        return capture(Level.DEBUG);
    }

    /** Starts capturing the lines at {@code minimum} and above; the root level is lowered only if it is higher. */
    public static LogCapture capture(Level minimum) {
        LogCapture c = new LogCapture(minimum);
        c.setContext(c.root.getLoggerContext());
        c.start0();
        return c;
    }

    private void start0() {
        super.start();
        previous = root.getLevel();
        if (root.getEffectiveLevel().toInt() > minimum.toInt()) {
            root.setLevel(minimum);
        }
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent e) {
        if (!e.getLevel().isGreaterOrEqual(minimum)) {
            return;
        }
        StringBuilder sb = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(sb.toString());
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** All lines joined by newlines. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(previous);
        stop();
    }
}
