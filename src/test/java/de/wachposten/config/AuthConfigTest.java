package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code auth} block: single sign-on with an OpenID Connect provider. */
class AuthConfigTest {
    @TempDir
    Path dir;

    @Test
    void hasNoSingleSignOnByDefault() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "offices:\n  - id: presse\n"), Map.of());
        assertThat(c.oidc()).isNull();
    }

    @Test
    void readsTheProviderWithTheSecretFromTheEnvironmentAndTheDefaultClaim() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "auth:\n  oidc:\n    issuer: https://sso.example/realms/x\n"
                + "    client_id: wachposten\n    client_secret: ${OIDC_SECRET}\n"), Map.of("OIDC_SECRET", "s3cret"));
        assertThat(c.oidc().issuer()).isEqualTo(URI.create("https://sso.example/realms/x"));
        assertThat(c.oidc().clientId()).isEqualTo("wachposten");
        assertThat(c.oidc().clientSecret().reveal()).isEqualTo("s3cret");
        assertThat(c.oidc().userClaim()).isEqualTo("preferred_username");
        assertThat(c.oidc().toString()).doesNotContain("s3cret");
    }

    @Test
    void readsAnotherClaim() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, "auth:\n  oidc:\n    issuer: http://127.0.0.1:9000\n"
                + "    client_id: w\n    client_secret: x\n    user_claim: email\n"), Map.of());
        assertThat(c.oidc().userClaim()).isEqualTo("email");
    }

    @Test
    void namesABadIssuerMissingKeysAndUnknownKeys() {
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, "auth:\n  oidc:\n    issuer: ftp://sso.example\n    client_id: w\n"
                + "    client_secret: x\n")).containsExactly(
                f + ":3: 'issuer' in auth, oidc must be an absolute http or https URL, not 'ftp://sso.example'");
        assertThat(errors(dir, "auth:\n  oidc:\n    issuer: https://sso.example\n")).containsExactly(
                f + ":3: missing key 'client_id' in auth, oidc", f + ":3: missing key 'client_secret' in auth, oidc");
        assertThat(errors(dir, "auth:\n  oidc:\n    issuer: https://sso.example\n    client_id: w\n"
                + "    client_secret: x\n    scope: all\n")).singleElement().asString()
                .startsWith(f + ":6: unknown key 'scope' in auth, oidc");
        assertThat(errors(dir, "auth:\n  saml: {}\n")).singleElement().asString()
                .startsWith(f + ":2: unknown key 'saml' in auth");
    }
}
