package de.wachposten;

import de.wachposten.app.Cli;

/** Entry point of {@code wachposten.jar}: parses arguments, runs the command, exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new Cli(System.out, System.err, System.getenv()).execute(args);
        if (code != Cli.SHUTTING_DOWN) {
            System.exit(code);
        }
    }
}
