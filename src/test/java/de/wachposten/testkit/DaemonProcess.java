package de.wachposten.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A daemon ({@code de.wachposten.Main run --config FILE}) in its own JVM, started with the test's java binary and
 * class path, its output (stdout and stderr) in {@code <name>.log} next to the config. Killed ({@code SIGKILL}),
 * paused ({@code SIGSTOP}) and resumed ({@code SIGCONT}) like a real process; stopped with {@code SIGTERM}.
 */
public final class DaemonProcess {
    private final String name;
    private final Path config;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;

    private DaemonProcess(String name, Path config, Map<String, String> env, List<String> jvmOptions) {
        this.name = name;
        this.config = config;
        this.log = config.resolveSibling(name + ".log");
        this.env = Map.copyOf(env);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts {@code run --config config} as process {@code name} with {@code env} added to the environment. */
    public static DaemonProcess start(String name, Path config, Map<String, String> env, List<String> jvmOptions)
            throws IOException {
        DaemonProcess d = new DaemonProcess(name, config, env, jvmOptions);
        d.start();
        return d;
    }

    /** Starts the process (again, after a kill): the log is appended to. */
    public void start() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "de.wachposten.Main", "run", "--config",
                config.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process's output so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    public Path logFile() {
        return log;
    }

    /** {@code SIGKILL}, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die after SIGKILL");
        }
    }

    /** {@code SIGSTOP}: the process stops running until {@link #resume}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** {@code SIGCONT}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IllegalStateException("kill -" + sig + " " + process.pid() + " failed");
        }
    }

    /**
     * {@code SIGTERM} (resuming it first, in case it is paused), then waits up to {@code seconds}; kills it when it
     * did not end by then.
     *
     * @return the exit code, or -1 when it had to be killed
     */
    public int stop(int seconds) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        resume();
        process.destroy();
        if (process.waitFor(seconds, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }
}
