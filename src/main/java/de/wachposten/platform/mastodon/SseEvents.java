package de.wachposten.platform.mastodon;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a server-sent event stream into events, chunk by chunk: blank-line separated blocks of {@code event:} and
 * {@code data:} lines; comment lines ({@code :thump}, Mastodon's heartbeat) are skipped. A block longer than the
 * limit is dropped whole, so a hostile stream cannot grow memory without bound.
 */
final class SseEvents {
    /** One event; {@code data} joins its data lines with a line feed. */
    record Event(String name, String data) {}

    private static final int MAX_PENDING = 1 << 20;

    private final StringBuilder pending = new StringBuilder();

    /** Feeds a chunk; returns the events it completed. */
    List<Event> feed(String chunk) {
        pending.append(chunk.replace("\r\n", "\n").replace('\r', '\n'));
        List<Event> out = new ArrayList<>();
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            Event e = parse(pending.substring(0, end));
            pending.delete(0, end + 2);
            if (e != null) {
                out.add(e);
            }
        }
        if (pending.length() > MAX_PENDING) {
            pending.setLength(0);
        }
        return out;
    }

    private static Event parse(String block) {
        String name = "message";
        StringBuilder data = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : new Event(name, data.toString());
    }
}
