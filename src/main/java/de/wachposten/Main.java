package de.wachposten;

import de.wachposten.app.Cli;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code wachposten.jar}: parses arguments, runs the command, exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Lucene logs through java.util.logging; route it to logback, whose logback.xml sets the levels
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = new Cli(System.out, System.err, System.getenv()).execute(args);
        if (code != Cli.SHUTTING_DOWN) {
            System.exit(code);
        }
    }
}
