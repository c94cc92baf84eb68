package de.wachposten.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal scripted SMTP server on 127.0.0.1 for failure tests of the e-mail sink: accepts mail unless told to answer
 * the next {@code MAIL FROM} with a reply code (451 temporary, 550 final) or to leave the next connection without a
 * greeting. No TLS, no AUTH; {@link #messages()} holds the raw DATA of every accepted message.
 */
public final class SmtpScript implements AutoCloseable {
    private static final int HANG = -1;
    private final NetServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private SmtpScript(Vertx vertx) {
        this.server = vertx.createNetServer().connectHandler(this::session);
    }

    /** Starts the server on a free loopback port. */
    public static SmtpScript start(Vertx vertx) {
        SmtpScript s = new SmtpScript(vertx);
        try {
            s.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("smtp script did not start", e);
        }
        return s;
    }

    public int port() {
        return server.actualPort();
    }

    /** Answers the next {@code times} {@code MAIL FROM} commands with {@code code}. */
    public synchronized SmtpScript reply(int times, int code) {
        for (int i = 0; i < times; i++) {
            script.add(code);
        }
        return this;
    }

    /** Leaves the next connection without a greeting. */
    public SmtpScript hang() {
        return reply(1, HANG);
    }

    /** Raw DATA of every accepted message. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    private synchronized Integer peek() {
        return script.peek();
    }

    private synchronized Integer next() {
        return script.poll();
    }

    private void session(NetSocket socket) {
        Integer first = peek();
        if (first != null && first == HANG) {
            next();
            return;
        }
        socket.write("220 127.0.0.1 ESMTP script\r\n");
        StringBuilder data = new StringBuilder();
        boolean[] inData = {false};
        RecordParser parser = RecordParser.newDelimited("\r\n", line -> {
            String l = line.toString();
            if (inData[0]) {
                if (l.equals(".")) {
                    inData[0] = false;
                    messages.add(data.toString());
                    data.setLength(0);
                    socket.write("250 2.0.0 queued\r\n");
                } else {
                    data.append(l).append("\r\n");
                }
                return;
            }
            String cmd = l.length() >= 4 ? l.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : l;
            switch (cmd) {
                case "EHLO" -> socket.write("250-127.0.0.1\r\n250 8BITMIME\r\n");
                case "HELO", "RCPT", "RSET", "NOOP" -> socket.write("250 OK\r\n");
                case "MAIL" -> {
                    Integer code = next();
                    socket.write(code == null ? "250 OK\r\n" : code + " scripted reply\r\n");
                }
                case "DATA" -> {
                    inData[0] = true;
                    socket.write("354 go ahead\r\n");
                }
                case "QUIT" -> socket.write("221 bye\r\n").onComplete(x -> socket.close());
                default -> socket.write("502 unknown\r\n");
            }
        });
        socket.handler(parser::handle);
    }

    @Override
    public void close() {
        try {
            server.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("smtp script did not stop", e);
        }
    }
}
