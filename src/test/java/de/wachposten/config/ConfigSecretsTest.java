package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment substitution and secrets: values arrive, print as {@code <secret>} and never leak into messages. */
class ConfigSecretsTest {
    @TempDir
    Path dir;

    @Test
    void secretsPrintAsSecretAndRevealTheSubstitutedValue() throws Exception {
        Config c = ConfigLoader.load(ConfigFiles.resource(ConfigFiles.PRODUCT_EXAMPLE), ConfigLoaderTest.ENV);

        Secret token = c.channel("sms-twitter").orElseThrow().credential("bearer_token");
        assertThat(token).hasToString("<secret>");
        assertThat(token.reveal()).isEqualTo("x-bearer-0815");
        assertThat(token.envVar()).isEqualTo("SMS_X_TOKEN");
        assertThat(c.smtp().password()).hasToString("<secret>");
        assertThat(c.smtp().toString()).doesNotContain("smtp-pass-4711");
        assertThat(c.office("sms-presse").orElseThrow().toString()).doesNotContain(ConfigLoaderTest.WEBHOOK_SECRET);
    }

    @Test
    void substitutesEmbeddedReferencesAndKeepsEscapedOnes() throws Exception {
        Config c = ConfigLoader.load(write(dir, """
                server:
                  public_url: https://${PUBLIC_HOST}:8443/wachposten
                offices: [{id: presse}]
                channels:
                  - id: sn-feed
                    platform: rss
                    account: https://www.medienservice.sachsen.de/feed.rss
                    office: presse
                    credentials:
                      username: feed-${FEED_USER}
                      password: "Basic ${FEED_PASSWORD}"
                    agencies: ["Costs $${AMOUNT} EUR"]
                """), Map.of("PUBLIC_HOST", "wache.example", "FEED_USER", "sn", "FEED_PASSWORD", "pw-42"));

        assertThat(c.server().publicUrl()).isEqualTo(URI.create("https://wache.example:8443/wachposten"));
        ChannelConfig feed = c.channels().getFirst();
        assertThat(feed.credential("username").reveal()).isEqualTo("feed-sn");
        assertThat(feed.credential("password").reveal()).isEqualTo("Basic pw-42");
        assertThat(feed.credential("password").envVar()).isEqualTo("FEED_PASSWORD");
        assertThat(feed.agencies()).containsExactly("Costs ${AMOUNT} EUR");
        assertThat(feed.baseUrl()).isNull();
    }

    @Test
    void keepsALiteralSecretWithoutVariable() throws Exception {
        Config c = ConfigLoader.load(write(dir, """
                smtp: {host: mail.example, from: wache@example.org, password: literal-pw}
                """), Map.of());

        assertThat(c.smtp().password().reveal()).isEqualTo("literal-pw");
        assertThat(c.smtp().password().envVar()).isNull();
    }

    @Test
    void warnsAboutAnUnsetVariableInAnEmbeddedSecret() throws Exception {
        Path f = write(dir, """
                offices:
                  - id: presse
                    sinks:
                      - type: matrix
                        url: https://matrix.example
                        room: "!abc:matrix.example"
                        access_token: "syt_${MATRIX_TOKEN}"
                """);
        ConfigLoader.Result r = ConfigLoader.read(f, Map.of());

        assertThat(r.warnings()).extracting(ConfigError::toString).containsExactly(f + ":7: warning: environment "
                + "variable MATRIX_TOKEN is not set (sink presse#0:matrix, access_token)");
        Secret token = r.config().offices().getFirst().sinks().getFirst().accessToken();
        assertThat(token.isSet()).isFalse();
        assertThatThrownBy(token::reveal).hasMessage("environment variable MATRIX_TOKEN is not set");
    }

    @Test
    void neverPutsSecretValuesIntoErrorMessages() {
        Path f = write(dir, """
                smtp: {host: mail.example, from: wache@example.org, password: "pw-${SMTP_PW"}
                offices:
                  - id: presse
                    sinks:
                      - type: webhook
                        url: ${HOOK_URL}
                        secret: ${HOOK_SECRET}
                      - {type: slack, url: "${SLACK_URL}", secret: "${HOOK_SECRET}"}
                channels:
                  - id: sms-twitter
                    platform: twitter
                    account: SMS_Sachsen
                    office: presse
                    credentials: {bearer_token: "${X_TOKEN}", password: "${X_TOKEN}"}
                """);
        Map<String, String> env = Map.of("HOOK_URL", "ftp://user:hook-pass@alerts.example", "HOOK_SECRET",
                "hook-secret-123", "SLACK_URL", "slack-url-secret-456", "X_TOKEN", "x-token-789");

        assertThatThrownBy(() -> ConfigLoader.read(f, env)).isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        f + ":1: bad environment reference in 'password' in smtp (expected ${NAME} with letters, "
                                + "digits and _; write $${ for a literal ${)",
                        f + ":6: 'url' in sink 'presse#0:webhook' must be an absolute http or https URL, not "
                                + "'${HOOK_URL}'",
                        f + ":7: webhook secret in sink 'presse#0:webhook' must be whsec_ followed by a base64 key",
                        f + ":8: unknown key 'secret' in sink 'presse#1:slack' (expected one of: type, url, min_severity)",
                        f + ":8: 'url' in sink 'presse#1:slack' must be an absolute http or https URL, not "
                                + "'${SLACK_URL}'",
                        f + ":14: unknown key 'password' in credentials of channel 'sms-twitter' (expected one "
                                + "of: bearer_token)"))
                .message().doesNotContain("hook-pass", "hook-secret-123", "slack-url-secret-456", "x-token-789");
    }
}
