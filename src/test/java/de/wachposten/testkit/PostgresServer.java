package de.wachposten.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's packages, one per test JVM: {@code initdb} into a temporary directory
 * (trust authentication, loopback only), started on a free port with {@code pg_ctl}, stopped and removed at JVM
 * exit. Each test asks for a fresh database. The server refuses to run as root, so as root (as CI runs) the programs
 * run as the {@code postgres} user through {@code runuser}, in a directory owned by it. Where PostgreSQL is missing
 * the test is skipped with the install command (failed under {@code CI=true}), like every external program.
 */
public final class PostgresServer {
    /** The superuser the cluster is initialised with. */
    public static final String USER = "postgres";
    private static final String INSTALL = "apt-get install postgresql";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer running;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private PostgresServer(Path bin, Path dir, int port, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The JVM's cluster, started at the first call; skips (or fails under CI) when PostgreSQL is not installed. */
    public static synchronized PostgresServer get() {
        if (running == null) {
            Path bin = findBin();
            try {
                running = start(bin);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
        }
        return running;
    }

    /** A new, empty database; its JDBC URL (user {@link #USER}, no password). */
    public String createDatabase() {
        String name = "wachposten_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** The JDBC URL of database {@code name} on this cluster. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    /** Restarts the server (fast shutdown: open connections are cut), as an operator's restart would. */
    public synchronized void restart() {
        pgCtl("restart", "-m", "fast", "-w", "-t", "60", "restart", "-l", dir.resolve("server.log").toString(),
                "-o", options());
    }

    /** Stops the server (fast shutdown: open connections are cut); connections are refused until {@link #start()}. */
    public synchronized void stop() {
        pgCtl("stop", "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Starts the server again after {@link #stop()}, on the same port; returns once it accepts connections. */
    /** The server's log file. */
    public Path log() {
        return dir.resolve("server.log");
    }

    public synchronized void start() {
        pgCtl("start", "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options(), "start");
    }

    private void pgCtl(String what, String... args) {
        List<String> all = new ArrayList<>(List.of("-D", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        try {
            runPg("pg_ctl", all.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("cannot " + what + " PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what + " of PostgreSQL", e);
        }
    }

    /** The server's options: its port, loopback only, its socket directory, room for many pools. */
    private String options() {
        return "-p " + port + " -h 127.0.0.1 -k " + dir + " -c max_connections=200";
    }

    /** {@code runuser}, as found at the first start (root only). */
    private static Path runuser;

    /**
     * A system program on {@code PATH} or in the system directories ({@code /usr/sbin} is not on every user's path);
     * skips (or fails under CI) naming {@code install} when it is not there.
     */
    private static Path systemTool(String name, String install) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> ExternalProgram.missing(name + " is not installed (PostgreSQL runs as the postgres"
                        + " user through it when the tests run as root): " + install));
    }

    private static Path findBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::major))
                    .orElseGet(() -> ExternalProgram.missing("PostgreSQL is not installed: " + INSTALL));
        } catch (IOException e) {
            return ExternalProgram.missing("PostgreSQL is not installed (no /usr/lib/postgresql): " + INSTALL);
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            runuser = systemTool("runuser", "apt-get install util-linux");
        }
        Path dir = Files.createTempDirectory("wachposten-pg-");
        int port = freePort();
        PostgresServer server = new PostgresServer(bin, dir, port, asRoot);
        if (asRoot) {
            run(List.of("chown", USER + ":" + USER, dir.toString()), dir);
        }
        Path data = dir.resolve("data");
        server.runPg("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C",
                "--no-sync");
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::remove, "postgres-stop"));
        return server;
    }

    /** Stops the server at once and removes its directory (at JVM exit). */
    private void remove() {
        try {
            runPg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the JVM is exiting; the directory goes all the same
        }
        // the server may still be removing its last files when pg_ctl returns: a second sweep takes what the first missed
        for (int sweep = 0; sweep < 3 && Files.exists(dir); sweep++) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file vanished during the walk: the next sweep goes on
            }
        }
    }

    private void runPg(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of(runuser.toString(), "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command, dir);
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wachposten-pg-", ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
