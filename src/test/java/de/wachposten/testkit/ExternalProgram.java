package de.wachposten.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JDK that a test runs (Debian's Prometheus tools, Chromium, Node.js). Where it is missing the test is skipped,
 * with the install command as the reason, so the README's test command passes on a machine with only a JDK; with
 * {@code CI=true} (as {@code .ci/run} sets it) a missing program fails the test, so CI runs every test.
 */
public final class ExternalProgram {
    private ExternalProgram() {}

    /**
     * The path of {@code name} on the {@code PATH}.
     *
     * @param install the command that installs it, e.g. {@code apt-get install prometheus}
     */
    public static Path require(String name, String install) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        return missing(name + " is not installed: " + install);
    }

    /**
     * True when {@code name} is on the {@code PATH}: for a class-level set-up that starts the program only when it is
     * there, leaving the skip (or the failure under CI) to {@link #require} in each test.
     */
    public static boolean installed(String name) {
        return find(name).isPresent();
    }

    /**
     * {@code file} (a program at a fixed path, or a directory an install step makes, such as {@code node_modules}).
     *
     * @param install the command that makes it
     */
    public static Path requireFile(Path file, String install) {
        if (Files.exists(file)) {
            return file;
        }
        return missing(file + " is missing: " + install);
    }

    /** Skips the calling test with {@code reason} outside CI, fails it with {@code CI=true}. */
    public static <T> T missing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + " (CI=true runs every test)");
        }
        return Assumptions.abort(reason + " (skipped outside CI)");
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
