package de.wachposten.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenID Connect provider on loopback for the single sign-on tests: npm {@code oidc-provider} run by
 * {@code src/test/oidc/provider.mjs} with the machine's Node.js, with one confidential client (PKCE required) and the
 * provider's development login and consent forms, where any login name signs in as an account whose {@code sub} and
 * {@code preferred_username} are that name. Node.js or the provider's {@code node_modules} missing: skipped outside
 * CI with the install command, failed with {@code CI=true}.
 */
public final class OidcProvider implements AutoCloseable {
    public static final Path DIR = Path.of("src/test/oidc");

    private final Process process;
    private final String issuer;

    private OidcProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Checks that Node.js and the provider's packages are there (skip or fail as the class says). */
    public static void require() {
        ExternalProgram.require("node", "apt-get install nodejs npm");
        ExternalProgram.requireFile(DIR.resolve("node_modules/oidc-provider/package.json"),
                "cd src/test/oidc && npm ci --ignore-scripts");
    }

    /** Starts the provider on a free port of 127.0.0.1 and waits until it listens. */
    public static OidcProvider start(String clientId, String clientSecret, String redirectUri) {
        require();
        try {
            Process p = new ProcessBuilder("node", "provider.mjs", String.valueOf(freePort()), clientId, clientSecret,
                    redirectUri).directory(DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            if (ready == null || !ready.startsWith("ready ")) {
                p.destroy();
                throw new IllegalStateException("the OpenID provider did not start: " + ready);
            }
            return new OidcProvider(p, ready.substring("ready ".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the OpenID provider did not start", e);
        }
    }

    /** The issuer, {@code http://127.0.0.1:PORT}. */
    public String issuer() {
        return issuer;
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
